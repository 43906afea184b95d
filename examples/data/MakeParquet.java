import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Writes examples/data/bike_sharing_day.parquet from bike_sharing_day.csv with DuckDB, the engine
 * Forja reads Parquet with. Column types are spelled out (dteday as DATE, counts and codes as
 * INTEGER, the normalised weather figures as DOUBLE) so the file does not depend on DuckDB's type
 * sniffing. Run from the repository root, with the DuckDB JDBC jar that forja-core already uses:
 *
 * <pre>
 * ./mvnw -q -pl forja-core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt)" examples/data/MakeParquet.java
 * </pre>
 */
public class MakeParquet {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of("examples", "data");
        Path csv = dir.resolve("bike_sharing_day.csv");
        Path parquet = dir.resolve("bike_sharing_day.parquet");
        String columns = "{'instant': 'INTEGER', 'dteday': 'DATE', 'season': 'INTEGER', 'yr': 'INTEGER', 'mnth': 'INTEGER', "
                + "'holiday': 'INTEGER', 'weekday': 'INTEGER', 'workingday': 'INTEGER', 'weathersit': 'INTEGER', "
                + "'temp': 'DOUBLE', 'atemp': 'DOUBLE', 'hum': 'DOUBLE', 'windspeed': 'DOUBLE', "
                + "'casual': 'INTEGER', 'registered': 'INTEGER', 'cnt': 'INTEGER'}";
        Files.deleteIfExists(parquet);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // One thread: the row order (a daily time series) is the CSV's.
            st.execute("SET threads = 1");
            st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, columns = " + columns + ")) TO '" + parquet
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
                ps.setString(1, parquet.toString());
                var rs = ps.executeQuery();
                rs.next();
                System.out.println("wrote " + parquet + ": " + rs.getLong(1) + " rows, " + Files.size(parquet) + " bytes");
            }
        }
    }
}
