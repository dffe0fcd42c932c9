/** The v2 and v2.1 wire protocol (HTTP Basic, JSON:API), client and server side. Not part of the SDK's contract. */
package com.flowroute.numbers.internal.v2;
