package dev.forja.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code forja --version}: the build's version (filtered into a resource by Maven) and the runtime. */
public final class ForjaVersion implements CommandLine.IVersionProvider {
    /** The project version this jar was built from. */
    public static String version() {
        try (InputStream in = ForjaVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "forja " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
