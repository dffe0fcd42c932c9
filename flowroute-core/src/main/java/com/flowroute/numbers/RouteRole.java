package com.flowroute.numbers;

/** Which of a number's two routes: calls go to the primary, and to the failover when it fails. */
public enum RouteRole {
    /** The route calls go to first. */
    PRIMARY,
    /** The route calls go to when the primary does not answer. */
    FAILOVER
}
