package com.flowroute.numbers.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.Page;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.RouteType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Jackson's streaming parser reading the answers of the benchmark (v1 keyed objects and v2
 * JSON:API documents) into the SDK's own models, written by hand for the floor and the rivals:
 * no tree, one pass, unknown fields skipped. It knows only the shapes the loopback server sends;
 * a test checks that it builds exactly what the SDK's parser builds.
 */
final class HandParser {
    private static final JsonFactory JSON = new JsonFactory();

    private HandParser() {}

    /** A page of the number search. */
    static Page<AvailableNumber> availableNumbers(byte[] body) {
        return page(body, parser -> {
            AvailableNumber.Builder number = AvailableNumber.builder().number(PhoneNumber.parse(parser.currentName()));
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "initial_cost":
                        number.initialCost(money(parser, value));
                        break;
                    case "monthly_cost":
                        number.monthlyCost(money(parser, value));
                        break;
                    case "billing_methods":
                        if (value == JsonToken.START_ARRAY) {
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                number.addBillingMethods(BillingMethod.of(parser.getText()));
                            }
                        } else {
                            number.addBillingMethods(BillingMethod.of(parser.getText()));
                        }
                        break;
                    case "ratecenter":
                        number.rateCenter(parser.getText());
                        break;
                    case "state":
                        number.state(parser.getText());
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            return number.build();
        });
    }

    /** A page of the account listing. */
    static Page<AccountNumber> accountNumbers(byte[] body) {
        return page(body, parser -> {
            AccountNumber.Builder number = AccountNumber.builder().number(PhoneNumber.parse(parser.currentName()));
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("billing_method")) {
                    number.billingMethod(BillingMethod.of(parser.getText()));
                } else if (field.equals("routes") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        number.addRoutes(route(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return number.build();
        });
    }

    /** A page of the v2 number search (JSON:API). */
    static Page<AvailableNumber> v2AvailableNumbers(byte[] body) {
        return v2Page(body, parser -> {
            AvailableNumber.Builder number = AvailableNumber.builder();
            String id = null;
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("id")) {
                    id = parser.getText();
                } else if (field.equals("attributes") && token == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String attribute = parser.currentName();
                        JsonToken attributeValue = parser.nextToken();
                        switch (attribute) {
                            case "value":
                                value = parser.getText();
                                break;
                            case "rate_center":
                                number.rateCenter(parser.getText().toUpperCase(Locale.ROOT));
                                break;
                            case "state":
                                number.state(parser.getText().toUpperCase(Locale.ROOT));
                                break;
                            case "monthly_cost":
                                number.monthlyCost(money(parser, attributeValue));
                                break;
                            case "setup_cost":
                                number.initialCost(money(parser, attributeValue));
                                break;
                            case "number_type":
                                number.numberType(parser.getText());
                                break;
                            default:
                                parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return number.number(PhoneNumber.parse(value != null ? value : id)).build();
        });
    }

    /** A page of the v2 account listing (JSON:API). */
    static Page<AccountNumber> v2AccountNumbers(byte[] body) {
        return v2Page(body, parser -> {
            AccountNumber.Builder number = AccountNumber.builder();
            String id = null;
            String value = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("id")) {
                    id = parser.getText();
                } else if (field.equals("attributes") && token == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String attribute = parser.currentName();
                        JsonToken attributeValue = parser.nextToken();
                        if (attributeValue == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        switch (attribute) {
                            case "value":
                                value = parser.getText();
                                break;
                            case "alias":
                                number.alias(parser.getText());
                                break;
                            case "rate_center":
                                number.rateCenter(parser.getText().toUpperCase(Locale.ROOT));
                                break;
                            case "state":
                                number.state(parser.getText().toUpperCase(Locale.ROOT));
                                break;
                            case "number_type":
                                number.numberType(parser.getText());
                                break;
                            case "cnam_lookups_enabled":
                                number.cnamLookupsEnabled(attributeValue == JsonToken.VALUE_TRUE);
                                break;
                            default:
                                parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return number.number(PhoneNumber.parse(value != null ? value : id)).build();
        });
    }

    private static <T> Page<T> v2Page(byte[] body, Item<T> resource) {
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            List<T> items = new ArrayList<>();
            String next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        items.add(resource.read(parser));
                    }
                } else if (field.equals("links") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String link = parser.currentName();
                        JsonToken linkValue = parser.nextToken();
                        if (link.equals("next") && linkValue == JsonToken.VALUE_STRING) {
                            next = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return Page.of(items, Optional.ofNullable(next), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Route route(JsonParser parser) throws IOException {
        String name = null;
        String type = null;
        String value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "name":
                    name = parser.getText();
                    break;
                case "type":
                    type = parser.getText();
                    break;
                case "value":
                    value = token == JsonToken.VALUE_NULL ? null : parser.getText();
                    break;
                default:
                    parser.skipChildren();
            }
        }
        return Route.of(name, RouteType.of(type), value);
    }

    private interface Item<T> {
        T read(JsonParser parser) throws IOException;
    }

    private static <T> Page<T> page(byte[] body, Item<T> item) {
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            List<T> items = new ArrayList<>();
            String next = null;
            String prev = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("tns") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        items.add(item.read(parser));
                    }
                } else if (field.equals("links") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String link = parser.currentName();
                        JsonToken linkValue = parser.nextToken();
                        String text = linkValue == JsonToken.VALUE_STRING ? parser.getText() : null;
                        if (link.equals("next")) {
                            next = text;
                        } else if (link.equals("prev")) {
                            prev = text;
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return Page.of(items, Optional.ofNullable(next), Optional.ofNullable(prev));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal money(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? new BigDecimal(parser.getText()) : parser.getDecimalValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
