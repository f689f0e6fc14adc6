package org.dealreg.receipts.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.Receipts;
import org.dealreg.shared.MultiLine;
import org.dealreg.shared.NotFound;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A registration's receipt as a PDF, for the partner's company (from the registration's page) and for the vendor's
 * reviewers; and the public page where anyone holding a receipt checks it (docs/receipts.md).
 */
@Controller
class ReceiptController {

    private final Receipts receipts;
    private final ReceiptService service;
    private final ReceiptCheckLimit limit;

    ReceiptController(Receipts receipts, ReceiptService service, ReceiptCheckLimit limit) {
        this.receipts = receipts;
        this.service = service;
        this.limit = limit;
    }

    /** The partner's own registration's receipt; another company's is a 404. */
    @GetMapping("/deals/{id}/receipt.pdf")
    void partner(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Receipts.Receipt receipt = receipts.forPartner(NotFound.id(id, "Registration"), user.partnerId())
                .orElseThrow(() -> new NotFound("Registration"));
        send(receipt, user, "/deals/" + receipt.registrationId(), request, response);
    }

    /** A channel manager's or programme admin's copy, from the review page. */
    @GetMapping("/review/{id}/receipt.pdf")
    void staff(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Receipts.Receipt receipt = receipts.forStaff(NotFound.id(id, "Registration"))
                .orElseThrow(() -> new NotFound("Registration"));
        send(receipt, user, "/review/" + receipt.registrationId(), request, response);
    }

    /**
     * The file; while the submission waits to be sealed in the audit chain (normally a fraction of a second), back
     * to the registration's page, which says to try again in a minute.
     */
    private void send(Receipts.Receipt receipt, CurrentUser user, String page, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Optional<byte[]> file = service.file(receipt, LocaleContextHolder.getLocale(), user.zone());
        if (file.isEmpty()) {
            RequestContextUtils.getOutputFlashMap(request).put("flash", "receipt.notSealed");
            RequestContextUtils.saveOutputFlashMap(page, request, response);
            response.sendRedirect(page);
            return;
        }
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("receipt-" + receipt.number() + ".pdf").build().toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(file.get().length);
        response.getOutputStream().write(file.get());
    }

    @GetMapping("/receipts/check")
    String checkPage() {
        return "receipts/check";
    }

    /** Answers yes or no, and nothing the holder did not give but the chain position. */
    @PostMapping("/receipts/check")
    String check(@RequestParam(name = "receipt", required = false) MultipartFile file,
            @RequestParam(required = false) @MultiLine String code, HttpServletRequest request, HttpServletResponse response,
            Model model) throws IOException {
        if (!limit.allows(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("tooMany", true);
            return "receipts/check";
        }
        Optional<ReceiptService.Valid> answer = service.check(file == null ? null : file.getBytes(), code);
        model.addAttribute("answered", true);
        answer.ifPresent(valid -> model.addAttribute("valid", valid));
        return "receipts/check";
    }
}
