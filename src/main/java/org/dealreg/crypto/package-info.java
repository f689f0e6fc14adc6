/** Field encryption (AES-256-GCM behind Jasypt's StringEncryptor), blind indexes and their keys. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.dealreg.crypto;
