package org.dealreg.program.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** The day a region opens to partners. */
record LaunchDateForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate launchDate) {
}
