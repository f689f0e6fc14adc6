package org.dealreg.joining;

/** How many companies' applications wait for a channel manager's answer (the dashboards). */
public interface WaitingApplications {

    long count();
}
