/** What users are told, in the portal and by e-mail, from the events of the other modules; the mail outbox. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "partners", "registration",
        "joining", "webhooks"})
package org.dealreg.notifications;
