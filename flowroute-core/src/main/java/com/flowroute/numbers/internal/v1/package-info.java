/** The v1 wire protocol (HMAC-signed, keyed JSON objects), client and server side. Not part of the SDK's contract. */
package com.flowroute.numbers.internal.v1;
