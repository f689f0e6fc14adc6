package org.dealreg.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: the programme admin's pages in one list, so the menu needs one link for them. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String index() {
        return "admin/index";
    }
}
