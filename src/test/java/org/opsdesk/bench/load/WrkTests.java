package org.opsdesk.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The harness reads wrk's run from the one line bench/wrk/common.lua prints. */
class WrkTests {

    static final String OUTPUT =
            """
            Running 4s test @ http://127.0.0.1:36785
              2 threads and 16 connections
            Non-2xx or 3xx responses: 2
            wrk-result requests=514 duration_us=4122316 non2xx=2 connect=0 read=1 write=0 status=2 timeout=3\
             p50_us=103473 p95_us=313205 p99_us=393196 max_us=510996 mean_us=130788.5
            """;

    @Test
    void readsTheResultLine() {
        var result = Wrk.Result.parse(OUTPUT);

        assertThat(result.ok()).isEqualTo(512);
        assertThat(result.failed()).isEqualTo(2 + 1 + 3);
        assertThat(result.durationSeconds()).isEqualTo(4.122316);
        assertThat(result.latency().p50()).isEqualTo(103.473);
        assertThat(result.latency().p99()).isEqualTo(393.196);
        assertThat(result.latency().max()).isEqualTo(510.996);
        assertThat(result.errors().summary()).contains("HTTP non-2xx ×2", "socket read ×1", "socket timeout ×3");
    }

    @Test
    void refusesAnOutputWithoutTheResultLine() {
        assertThatThrownBy(() -> Wrk.Result.parse("unable to connect to 127.0.0.1:1 Connection refused\n"))
                .hasMessageContaining("no wrk-result line");
    }

    @Test
    void givesEveryThreadAConnection() {
        assertThat(Wrk.threads(1)).isEqualTo(1);
        assertThat(Wrk.threads(16)).isEqualTo(2);
    }
}
