/** The embedded demo mode: its own PostgreSQL, a local key, and the demo partners, staff and settings. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "partners", "program", "accounts"})
package org.dealreg.demo;
