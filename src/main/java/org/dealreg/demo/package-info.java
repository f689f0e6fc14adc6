/** The embedded demo mode: its own PostgreSQL, a local key, and the demo partners, staff, accounts and last month. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "partners", "program", "accounts",
        "registration"})
package org.dealreg.demo;
