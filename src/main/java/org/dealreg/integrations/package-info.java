/**
 * Machine clients of the portal (issue 13): the OAuth 2.0 authorization server that issues their tokens, the
 * Integrations page that keeps them, and the API they call, over the other modules' services (docs/api.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "partners", "accounts", "credits",
        "registration", "conflicts"})
package org.dealreg.integrations;
