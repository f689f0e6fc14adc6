/** The layout, home page, language switch, locale-aware formatting and error pages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.dealreg.web;
