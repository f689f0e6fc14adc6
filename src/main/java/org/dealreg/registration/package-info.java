/** The deal registration: its form, its lifecycle and the partner's screens. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "crypto", "identity", "program", "partners", "conflicts", "web"})
package org.dealreg.registration;
