/** Reseller companies, their tier (Registered or Certified) and the specialisation catalogue. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "program", "identity", "web"})
package org.dealreg.partners;
