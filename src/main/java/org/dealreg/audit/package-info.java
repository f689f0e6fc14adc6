/** The append-only, hash-chained audit trail: who did what, recorded with what it records, and checkable. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "partners",
        "registration", "credits", "joining", "integrations", "webhooks", "web"})
package org.dealreg.audit;
