package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.flowroute.numbers.Route;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(FlowrouteSandboxExtension.class)
class RoutesCommandsTest {
    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void createsRoutesOfEachTypeAndListsThem(String api, FlowrouteSandbox sandbox) {
        CliRunner.Result host = against(sandbox).run("--api", api, "routes", "create", "--host", "24.239.23.40:5060", "pbx");
        CliRunner.Result pstn = against(sandbox).run("--api", api, "routes", "create", "--pstn", "(206) 555-1212", "cell");
        CliRunner.Result uri = against(sandbox).run("--api", api, "routes", "create", "--uri", "sip:alice@example.com", "alice");
        CliRunner.Result csv = against(sandbox).run("--api", api, "routes", "list", "-o", "csv");

        for (CliRunner.Result created : List.of(host, pstn, uri)) {
            assertEquals(0, created.status(), created::toString);
        }
        JsonNode pbx = host.json().get(0);
        assertEquals("pbx", pbx.get("name").asText());
        assertEquals("HOST", pbx.get("type").asText());
        assertEquals("24.239.23.40:5060", pbx.get("value").asText());
        assertEquals(api.equals("v2"), !pbx.get("id").isNull(), "v2 tells the new route's id");
        assertEquals("12065551212", pstn.json().get(0).get("value").asText());
        assertEquals(List.of("sip-reg", "pbx", "cell", "alice"), sandbox.routes().stream().map(Route::name).collect(Collectors.toList()));
        assertEquals(0, csv.status(), csv::toString);
        assertEquals("id,name,type,value", csv.lines().get(0));
        assertEquals(5, csv.lines().size(), csv::toString);
        assertTrue(csv.lines().get(2).endsWith(",pbx,HOST,24.239.23.40:5060"), csv::toString);
    }

    @Test
    void badRouteInputNamesTheOptionBeforeAnythingIsSent(FlowrouteSandbox sandbox) {
        CliRunner.Result host = against(sandbox).run("routes", "create", "--host", "not a host", "pbx");
        CliRunner.Result pstn = against(sandbox).run("routes", "create", "--pstn", "555", "cell");
        CliRunner.Result twoTargets = against(sandbox).run("routes", "create", "--host", "pbx.example.com", "--uri", "sip:a@b", "x");
        CliRunner.Result noTarget = against(sandbox).run("routes", "create", "x");
        CliRunner.Result edge = against(sandbox).run("routes", "create", "--host", "pbx.example.com", "--edge-strategy", "1", "x");

        assertEquals(2, host.status());
        assertTrue(host.err().startsWith("flowroute: --host \"not a host\" is invalid: a HOST route needs"), host::toString);
        assertEquals(2, pstn.status());
        assertTrue(pstn.err().startsWith("flowroute: --pstn \"555\" is invalid"), pstn::toString);
        assertEquals(2, twoTargets.status());
        assertTrue(twoTargets.err().contains("mutually exclusive"), twoTargets::toString);
        assertEquals(2, noTarget.status());
        assertEquals(2, edge.status());
        assertTrue(edge.err().contains("--edge-strategy 1 is invalid") && edge.err().contains("give --api v2"), edge::toString);
        assertTrue(sandbox.journal().isEmpty(), "nothing was sent");
    }

    @Test
    void aTakenNameIsFlowroutesRefusal(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("routes", "create", "--host", "pbx.example.com", "sip-reg");

        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().contains("reserved"), run::toString);
    }

    @Test
    void theTypeFilterIsAV2Filter(FlowrouteSandbox sandbox) {
        against(sandbox).run("routes", "create", "--host", "pbx.example.com", "pbx");

        CliRunner.Result v1 = against(sandbox).run("routes", "list", "--type", "host");
        CliRunner.Result v2 = against(sandbox).run("--api", "v2", "routes", "list", "--type", "host");
        CliRunner.Result unknown = against(sandbox).run("--api", "v2", "routes", "list", "--type", "fax");

        assertEquals(2, v1.status());
        assertTrue(v1.err().contains("--type") && v1.err().contains("give --api v2"), v1::toString);
        assertEquals(0, v2.status(), v2::toString);
        assertEquals(List.of("pbx"), v2.json().stream().map(node -> node.get("name").asText()).collect(Collectors.toList()));
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--type \"fax\" is invalid: must be host, pstn, uri or sip-reg"), unknown::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void deletesARouteByNameOrId(String api, FlowrouteSandbox sandbox) {
        against(sandbox).run("routes", "create", "--host", "pbx.example.com", "pbx");
        against(sandbox).run("routes", "create", "--host", "backup.example.com", "backup");
        String backupId = sandbox.routes().get(2).id().orElseThrow();

        CliRunner.Result byName = against(sandbox).run("--api", api, "routes", "delete", "pbx");
        CliRunner.Result byId = against(sandbox).run("--api", api, "routes", "delete", backupId);

        assertEquals(0, byName.status(), byName::toString);
        assertEquals("deleted", byName.json().get(0).get("outcome").asText());
        assertEquals("pbx", byName.json().get(0).get("name").asText());
        assertEquals(0, byId.status(), byId::toString);
        assertEquals("backup", byId.json().get(0).get("name").asText());
        assertEquals(List.of("sip-reg"), sandbox.routes().stream().map(Route::name).collect(Collectors.toList()));
    }

    @Test
    void deletingARouteInUseOrUnknownFails(FlowrouteSandbox sandbox) {
        against(sandbox).run("routes", "create", "--host", "pbx.example.com", "pbx");
        against(sandbox).run("numbers", "buy", "12066417744");
        against(sandbox).run("numbers", "route", "12066417744", "--primary", "pbx");

        CliRunner.Result inUse = against(sandbox).run("routes", "delete", "pbx");
        CliRunner.Result unknown = against(sandbox).run("routes", "delete", "nowhere");

        assertEquals(1, inUse.status(), inUse::toString);
        assertTrue(inUse.err().contains("403"), inUse::toString);
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("ROUTE \"nowhere\" names no route"), unknown::toString);
        assertEquals(2, sandbox.routes().size());
    }
}
