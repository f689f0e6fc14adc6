/**
 * Machine clients of the portal (issue 13): the OAuth 2.0 authorization server that issues their tokens and the
 * security of the API that accepts them (docs/api.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.dealreg.integrations;
