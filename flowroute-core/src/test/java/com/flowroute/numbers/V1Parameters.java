package com.flowroute.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.flowroute.numbers.internal.v1.V1Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v1 wire parameters of any query, through its listing in {@link V1Wire}, as a map by wire name. */
final class V1Parameters {
    private V1Parameters() {}

    static List<Map.Entry<String, String>> list(PagedQuery query) {
        if (query instanceof AreaCodeQuery areaCodes) {
            return V1Wire.AREA_CODES.parameters(areaCodes);
        } else if (query instanceof ExchangeQuery exchanges) {
            return V1Wire.EXCHANGES.parameters(exchanges);
        } else if (query instanceof NumberSearch search) {
            return V1Wire.SEARCH.parameters(search);
        } else if (query instanceof AccountNumberQuery account) {
            return V1Wire.ACCOUNT_NUMBERS.parameters(account);
        } else if (query instanceof RouteQuery routes) {
            return V1Wire.ROUTES.parameters(routes);
        }
        throw new AssertionError("no v1 listing for " + query.getClass());
    }

    /** The parameters by name; each name appears once. */
    static Map<String, String> of(PagedQuery query) {
        List<Map.Entry<String, String>> parameters = list(query);
        Map<String, String> byName = new LinkedHashMap<>();
        parameters.forEach(parameter -> byName.put(parameter.getKey(), parameter.getValue()));
        assertEquals(parameters.size(), byName.size(), () -> "a parameter given twice: " + parameters);
        return byName;
    }
}
