# Sourced by ./evergreen, .ci/run and bench/run: makes JAVA_HOME point at a JDK of version 21 or newer.
# The machines' default java is 17, with newer JDKs installed beside it under /usr/lib/jvm.

evergreen_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

evergreen_select_jdk() {
    local candidate best="" best_major=0 major
    for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                     /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(evergreen_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "Evergreen needs a JDK 21 or newer; none found in JAVA_HOME, on the PATH or under /usr/lib/jvm." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

evergreen_select_jdk
