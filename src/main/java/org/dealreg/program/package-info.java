/** Programme settings, regions (currency, time zone, launch date) and exchange rates. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.dealreg.program;
