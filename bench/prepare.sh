# Sourced by the bench scripts from the repository root: builds target/opsdesk.jar if it is missing or older than
# the sources (BENCH_SKIP_BUILD=1 uses it as is) and sets $classpath to the project's runtime classpath.
jar=target/opsdesk.jar
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
    if [[ ! -f "$jar" ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -type f -print -quit)" ]]; then
        echo "[bench] building $jar (mvn package, tests skipped)" >&2
        mvn -B -q -DskipTests -Dspotless.check.skip=true package
    fi
fi
if [[ ! -f "$jar" ]]; then
    echo "[bench] $jar is missing" >&2
    exit 1
fi
if [[ ! -s target/bench.classpath ]] || [[ pom.xml -nt target/bench.classpath ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
fi
classpath="$(cat target/bench.classpath)"
