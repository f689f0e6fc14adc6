package org.dealreg.accounts.internal;

import java.io.IOException;

import org.dealreg.accounts.AccountImports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
@RequestMapping("/admin/accounts/import")
class AccountImportController {

    private final AccountImports importer;
    /** The upload limit (a larger file is refused before it gets here, with the 413 page naming it). */
    private final DataSize largestFile;

    AccountImportController(AccountImports importer,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize largestFile) {
        this.importer = importer;
        this.largestFile = largestFile;
    }

    @ModelAttribute("largestFileMegabytes")
    double largestFileMegabytes() {
        return largestFile.toBytes() / (1024.0 * 1024.0);
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("columns", String.join(",", AccountImports.COLUMNS));
        return "admin/accounts-import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", String.join(",", AccountImports.COLUMNS));
        if (file == null || file.isEmpty()) {
            model.addAttribute("report", AccountImports.Report.refused("import.noFile"));
        } else {
            model.addAttribute("report", importer.importCsv(file.getInputStream()));
        }
        return "admin/accounts-import";
    }
}
