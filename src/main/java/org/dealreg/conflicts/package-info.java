/** Who holds a customer: normalising names and domains, blind-index fingerprints, and (later) matching and claims. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "crypto"})
package org.dealreg.conflicts;
