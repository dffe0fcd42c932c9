/**
 * Flowroute Numbers SDK core: immutable models of the v1 numbers API, validated query and
 * request values, {@link com.flowroute.numbers.PhoneNumber}, credentials and the error
 * hierarchy. It has no dependency on Reactor or Netty; the clients live in
 * {@code com.flowroute.numbers.reactive} and {@code com.flowroute.numbers.blocking}.
 */
@ValueStyle
package com.flowroute.numbers;

import com.flowroute.numbers.internal.ValueStyle;
