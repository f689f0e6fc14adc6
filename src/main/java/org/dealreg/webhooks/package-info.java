/** Webhooks: partner admins and programme admins subscribe an https address to events, delivered signed from an outbox. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "crypto", "identity", "program",
        "registration", "joining"})
package org.dealreg.webhooks;
