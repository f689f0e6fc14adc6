/** The vendor's direct-sales accounts, their owner reps and engagements, imports, and the ownership look-up. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "web"})
package org.dealreg.accounts;
