/**
 * A partner admin's page of their company's users: who they are, who registered what, inviting colleagues and
 * deactivating them. The company always comes from the signed-in admin.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "registration"})
package org.dealreg.team;
