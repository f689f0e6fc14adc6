/**
 * Every role's home page: a dashboard of figures and charts, scoped like the pages they summarise, read through the
 * owning modules' public APIs (issue 14).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "partners",
        "registration", "accounts", "credits", "joining"})
package org.dealreg.dashboards;
