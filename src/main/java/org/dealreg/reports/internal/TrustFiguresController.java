package org.dealreg.reports.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The managers' dashboard of the 24–48 hour promise; channel managers and the programme admin only (web security). */
@Controller
class TrustFiguresController {

    private final TrustFiguresService figures;

    TrustFiguresController(TrustFiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/reports/trust")
    String trust(Model model) {
        model.addAttribute("dashboard", figures.lastThirtyDays());
        return "reports/trust";
    }
}
