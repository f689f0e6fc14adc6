/** The channel managers' queue of pending registrations, the review page and the decisions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "partners",
        "accounts", "conflicts", "registration", "web"})
package org.dealreg.review;
