/** Users of every role, sign-in and its throttling, password resets, the web security rules and the signed-in user. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.dealreg.identity;
