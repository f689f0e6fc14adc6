/** Money, time and identifiers that every module speaks; depends on nothing. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dealreg.shared;
