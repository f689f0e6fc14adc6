/** Who holds a customer: matching against direct-sales accounts and other partners' claims, first to register wins, the verdict and its report. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "crypto", "accounts", "program"})
package org.dealreg.conflicts;
