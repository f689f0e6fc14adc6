/** Dashboards and exports for the vendor's staff, read-only: the programme's trust figures. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "program"})
package org.dealreg.reports;
