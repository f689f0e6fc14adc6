/**
 * Registration receipts: the PDF a partner keeps, and the public page where anyone holding one checks it against the
 * audit chain (docs/receipts.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "crypto", "identity", "registration", "audit", "web"})
package org.dealreg.receipts;
