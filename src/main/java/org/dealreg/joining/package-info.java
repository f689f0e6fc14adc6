/**
 * Joining the programme: the public application form, the channel managers' queue of applications, and accepting
 * a company (active, Registered, its contact invited as partner admin) or declining it with a reason.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "program", "partners", "web"})
package org.dealreg.joining;
