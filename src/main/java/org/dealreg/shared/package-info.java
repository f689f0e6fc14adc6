/**
 * What every module speaks and that depends on nothing: currencies, "not found", the one clock, and the
 * normalising of customer names and domains, which both the vendor's accounts and the conflict check apply.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dealreg.shared;
