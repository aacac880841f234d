# Sourced by the bench scripts from the repository root. Builds target/opsdesk.jar if it is missing or older than
# the sources (BENCH_SKIP_BUILD=1 uses it as is), compiles the benchmarks (bench/src/main/java, test sources of the
# Maven project) when they changed, and sets $classpath to run them:
#   java -cp "$classpath" org.opsdesk.bench.<package>.<Class>
# ($classpath = target/test-classes:target/classes:<the test-scope dependencies, target/bench.classpath>).
jar=target/opsdesk.jar
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
    if [[ ! -f "$jar" ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -type f -print -quit)" ]]; then
        echo "[bench] building $jar (mvn package, tests skipped; compiles the benchmarks too)" >&2
        mvn -B -q -DskipTests -Dspotless.check.skip=true package
        touch target/bench.compiled
    fi
fi
if [[ ! -f "$jar" ]]; then
    echo "[bench] $jar is missing" >&2
    exit 1
fi
if [[ ! -f target/bench.compiled ]] || [[ ! -d target/test-classes/org/opsdesk/bench ]] \
    || [[ -n "$(find bench/src src/test pom.xml -newer target/bench.compiled -type f -print -quit)" ]]; then
    echo "[bench] compiling the benchmarks (mvn test-compile)" >&2
    mvn -B -q -DskipTests -Dspotless.check.skip=true test-compile
    touch target/bench.compiled
fi
if [[ ! -s target/bench.classpath ]] || [[ pom.xml -nt target/bench.classpath ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
