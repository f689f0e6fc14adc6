/** The reps' credit ledger: won deals credited to the account's owner rep, closed directly or through a partner. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "accounts",
        "conflicts", "registration", "web"})
package org.dealreg.credits;
