package org.dealreg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.dealreg.DealregApplication;
import org.dealreg.accounts.AccountMatch;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.conflicts.CheckOutcome;
import org.dealreg.conflicts.ConflictCheck;
import org.dealreg.conflicts.CustomerFingerprint;
import org.dealreg.conflicts.CustomerFingerprints;
import org.dealreg.conflicts.CustomerToCheck;
import org.dealreg.conflicts.Verdict;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.Partners;
import org.dealreg.shared.CustomerNormaliser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conflict check under production-sized data: loads direct-sales accounts, their domains and
 * engagements, and active partner claims into the (scratch) database, then times
 * {@link ConflictCheck#claimAndCheck} as a submission runs it, each in a transaction that is rolled back.
 *
 * <p>Not a test: surefire's default includes skip {@code *Benchmark}; run it with {@code bench/conflict-check.sh},
 * which creates and drops a scratch database {@code dealreg_bench_*}. The class refuses any other database.
 *
 * <p><b>Names.</b> Company names are built in SQL from word lists (US and French patterns: "blue ridge logistics",
 * "baker and hughes", "zentrix software", "transports de la garonne", "garage dupont lyon" …). The words are
 * lower case, unaccented and without punctuation, none is a legal form or "the", so the generated
 * {@code normalised_name} is <em>already</em> what {@link CustomerNormaliser#name} returns; the displayed
 * {@code name} is {@code initcap} of it with "&amp;" for "and" and a legal form appended ("Inc.", "LLC", "SAS" …).
 * After loading, every generated row is read back and checked: {@code CustomerNormaliser.name(name)} must equal
 * {@code normalised_name}.
 *
 * <p>System properties (all optional): {@code bench.accounts} (1000000), {@code bench.claims} (200000),
 * {@code bench.checks} (10000), {@code bench.warmup} (500), {@code bench.seed} (42), {@code bench.maxMinutes} (15: the
 * timed loop stops there and the report says so),
 * {@code bench.extraSql} or the environment variable {@code BENCH_EXTRA_SQL} (statements separated by ";;", run
 * after loading and before timing: to try an index),
 * {@code bench.out} (the report file, default target/benchmarks/conflict-check.txt).
 */
// MOCK, not NONE: the security configuration needs a (mock) servlet context; no port is opened either way.
@SpringBootTest(classes = DealregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("demo")
class ConflictCheckBenchmark {

    enum Kind { HIT, MISS, TYPO }

    record Check(Kind kind, UUID partnerId, CustomerToCheck customer, UUID expectedAccount) {
    }

    record Target(UUID id, String crmId, String name, String normalisedName, String country, String domain) {
    }

    // ---- word lists: every entry already normalised (checked in wordListsAreNormalised) ----

    static final List<String> US_ADJ = words("""
            blue red green silver golden north south east west northern southern eastern western great grand pacific
            atlantic coastal central national american united liberty pioneer frontier summit eagle falcon hawk cedar
            oak pine maple birch willow aspen river lake ocean stone iron granite copper crystal bright clear true prime
            first premier allied advanced modern classic heritage legacy patriot sterling royal crown keystone
            cornerstone bluebird mountain valley prairie desert canyon harbor bay sun sunrise sunset star sky cloud
            evergreen highland lakeshore riverside bayside hillside meadow orchard timber redwood sequoia magnolia cypress
            sierra cascade rocky horizon vista apex vertex zenith atlas titan phoenix orion polaris vanguard sentinel
            beacon lighthouse anchor compass pinnacle paramount precision integrated dynamic global metro urban rural
            midwest gulf empire capitol federal continental interstate triangle diamond emerald sapphire ruby onyx cobalt
            indigo scarlet ivory amber platinum""");
    static final List<String> US_NOUN = words("""
            ridge peak creek point field wood brook stone gate bridge view crest haven park rock springs hill dale shore
            port line path way forge mill works river lake bay harbor valley grove meadow falls mountain canyon mesa
            bluff landing crossing junction square tower arch key star light wave wind fire water leaf root branch bell
            shield arrow trail road street mark stream summit island cove pointe heights""");
    static final List<String> US_SECTOR = lines("""
            logistics|health systems|manufacturing|financial|energy|software|solutions|consulting|construction
            dental group|medical center|capital partners|foods|industries|technologies|engineering|insurance agency
            realty|law group|auto group|electric|plumbing|labs|analytics|networks|pharmaceuticals|hospitality
            transport|supply|marketing|media|design studio|home services|veterinary clinic|credit union|bank
            school district|university|hospital|packaging|aerospace|semiconductors|biosciences|robotics|security
            staffing|wealth management|accounting|architects|farms|brewing|motors|steel|chemicals|textiles|furniture
            logistics group|data systems|communications|utilities|holdings|enterprises|partners|associates|group
            services|systems|trucking|freight|distribution|retail|outfitters|builders|landscaping|roofing|mechanical
            fitness|pediatrics|orthopedics|imaging|therapy|pharmacy|printing|signs|paving|glass|lumber|marine""");
    static final List<String> US_SURNAME = words("""
            smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
            anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis
            robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera
            campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart
            morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim
            cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo
            sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler
            henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds
            griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford
            castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman
            webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon
            munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice
            schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer
            hawkins arnold pierce vazquez hansen peters santos hart bradley knight elliott cunningham duncan armstrong
            hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston matthews pena richards
            contreras willis carpenter lawrence sandoval guerrero george chapman rios estrada ortega watkins greene nunez
            wheeler valdez harper burke larson santiago maldonado morrison franklin carlson austin dominguez carr lawson
            jacobs obrien lynch singh vega bishop montgomery oliver jensen harvey williamson gilbert dean sims espinoza
            howell wong reid hanson mccoy garrett burton fuller wang weber welch rojas lucas marquez fields park yang
            little banks padilla walsh bowman schultz luna fowler mejia davidson acosta brewer holland juarez newman
            pearson curtis cortez douglas schneider joseph barrett navarro figueroa keller avila wade molina stanley
            hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier powers neal
            leonard gregory carrillo sutton fleming rhodes shelton schwartz norris jennings watts duran walters cohen
            mcdaniel moran parks steele vaughn becker holt deleon barker terry hale leon benson haynes horton miles lyons
            pham graves bush thornton wolfe warner cabrera mckinney mann zimmerman dawson lara fletcher page mccarthy
            robles cervantes solis erickson reeves chang klein salinas fuentes baldwin simon velasquez hardy higgins
            aguirre cummings chandler sharp barber bowen ochoa dennis robbins ramsey francis griffith blair oconnor
            cardenas pacheco cross calderon quinn moss swanson rivas khan rodgers serrano fitzgerald rosales stevenson
            christensen manning gill curry mclaughlin harmon mcgee gross doyle garner newton burgess reese walton blake
            trujillo adkins brady goodman roman webster goodwin fischer huang potter montoya todd hines mullins castaneda
            malone cannon tate mack sherman hubbard hodges zhang guerra wolf valencia saunders franco rowe gallagher
            farmer hammond hampton townsend ingram wise gallegos clarke barton schroeder maxwell waters logan camacho
            strickland norman colon parsons frank harrington glover osborne buchanan casey floyd patton ibarra ball
            tyler suarez bowers orozco salas cobb gibbs andrade bauer conner moody escobar mcguire lloyd mueller hartman
            french kramer mcbride pope lindsey norton mccormick sparks flynn yates hogan marsh macias villanueva zamora
            pratt stokes owen ballard lang brock villarreal charles drake barrera cain patrick pineda burnett mercado""");
    static final List<String> US_CITY = lines("""
            new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin
            jacksonville|fort worth|columbus|charlotte|indianapolis|seattle|denver|boston|el paso|nashville|detroit
            oklahoma city|portland|las vegas|memphis|louisville|baltimore|milwaukee|albuquerque|tucson|fresno|sacramento
            kansas city|atlanta|omaha|colorado springs|raleigh|miami|long beach|virginia beach|oakland|minneapolis|tulsa
            tampa|arlington|new orleans|wichita|cleveland|bakersfield|anaheim|honolulu|santa ana|riverside
            corpus christi|lexington|stockton|saint paul|st louis|cincinnati|pittsburgh|greensboro|anchorage|plano
            lincoln|orlando|irvine|newark|toledo|durham|chula vista|fort wayne|jersey city|st petersburg|laredo|madison
            buffalo|lubbock|scottsdale|reno|glendale|winston salem|norfolk|chesapeake|garland|irving|hialeah|fremont
            boise|richmond|baton rouge|spokane|des moines|tacoma|san bernardino|modesto|fontana|birmingham|oxnard
            fayetteville|rochester|huntington beach|salt lake city|grand rapids|amarillo|yonkers|akron|little rock
            huntsville|augusta|grand prairie|shreveport|overland park|tallahassee|mobile|knoxville|worcester|providence
            fort lauderdale|chattanooga|tempe|savannah|hartford|albany|syracuse|dayton|springfield""");
    static final List<String> BRAND_PREFIX = words("""
            zen nova vert quant omni syn lumi tera axi cyra veri inno cogni data net info tech bio medi pharma agri aqua
            terra sol luma vita maxi opti pro uni flex core hex kine neo evo ori pax vox arc astra aero cardi cyber digi
            eco electro ener geo helio hydro intelli kino logi macro micro nano navi nexa octa pixi quad radi robo sena
            servi sigma strata tele trans ultra vanta vecto velo xeno zeta alpha beta gamma delta kappa lambda omega
            acu adva ambi avan belle brio cala clari conver dyna elan equi fide form gala hali ido juno kala lexi""");
    static final List<String> BRAND_SUFFIX = words("""
            trix link logic sphere wave soft works ware sys tek gen ify ly io nex ion ara ium ora stream path point scale
            mind cast grid base loop bit byte cloud ops vance tron tonic nova serve sense scope shift forge craft mark
            field port gate hub dex matic metrics quest rise spark star sync tide vista verse zone""");
    /** Appended to the displayed name; the production rule drops them again. */
    static final List<String> BRAND_MIDDLE = words("""
            a o i e u ra lo ne ti va ri mo ze ca lu""");
    static final List<String> US_TAIL = lines("""
            brothers|and sons|family|and daughters|and partners|and associates""");
    static final List<String> US_LEGAL = List.of("", "", "", "", " Inc.", " Inc.", " Inc.", " LLC", " LLC", " Corp.",
            " Corporation", " Ltd", " Co.");

    static final List<String> FR_SECTOR = lines("""
            transports|sante|energie|assurances|distribution|boulangerie|patisserie|pharmacie|garage|cabinet|clinique
            laboratoire|imprimerie|menuiserie|plomberie|electricite|batiment|informatique|conseil|logistique|agence
            hotel|restaurant|librairie|cave|fromagerie|boucherie|charcuterie|travaux publics|espaces verts|immobilier
            nettoyage|securite|telecom|ambulances|taxis|auto ecole|optique|coiffure|fleuriste|architecture
            expertise comptable|notaires|avocats|mutuelle|credit|maconnerie|charpente|couverture|peinture|carrelage
            chauffage|climatisation|transports frigorifiques|demenagements|location|materiaux|bois|metallerie
            chaudronnerie|mecanique|usinage|plasturgie|textile|cosmetiques|vins|brasserie|distillerie|minoterie
            laiterie|conserverie|cooperative agricole|jardinerie|pepinieres|scierie|papeterie|verrerie|ceramique
            carrosserie|pneus|quincaillerie|droguerie|electromenager|domaine|chateau|clos|camping|residence""");
    static final List<String> FR_LINK = List.of("", "", "du ", "de la ", "des ", "de ");
    static final List<String> FR_PLACE = lines("""
            alpes|armor|bretagne|cevennes|loire|garonne|provence|vosges|jura|normandie|rhone|seine|dordogne|lot|tarn
            gironde|landes|pyrenees|savoie|dauphine|auvergne|limousin|berry|sologne|beauce|picardie|artois|flandres
            champagne|bourgogne|alsace|lorraine|ardennes|morvan|vercors|chartreuse|luberon|camargue|vendee|charente
            poitou|quercy|perigord|rouergue|aveyron|ardeche|drome|vaucluse|var|corse|mediterranee|atlantique|ocean
            centre|nord|sud|ouest|val de loire|pays basque|bearn|bigorre|cotentin|bocage|marais|vexin|brie|gatinais
            hurepoix|oise|somme|aisne|marne|meuse|moselle|sarthe|mayenne|orne|eure|calvados|manche|finistere|morbihan
            cher|indre|vienne|creuse|correze|cantal|allier|nievre|yonne|aube|doubs|isere|gard|herault|aude|ariege
            gers|loiret|essonne|yvelines|ile de france|haute savoie|haut rhin|bas rhin|cote vermeille|mont blanc
            belledonne|queyras|ubaye|verdon|esterel|maures|bassin|estuaire|golfe|littoral|plateau|vallee|coteaux""");
    static final List<String> FR_SURNAME = lines("""
            martin|bernard|thomas|petit|robert|richard|durand|dubois|moreau|laurent|simon|michel|lefebvre|leroy|roux
            david|bertrand|morel|fournier|girard|bonnet|dupont|lambert|fontaine|rousseau|vincent|muller|lefevre|faure
            andre|mercier|blanc|guerin|boyer|garnier|chevalier|francois|legrand|gauthier|garcia|perrin|robin|clement
            morin|nicolas|henry|roussel|mathieu|gautier|masson|marchand|duval|denis|dumont|marie|lemaire|noel|meyer
            dufour|meunier|brun|blanchard|giraud|joly|riviere|lucas|brunet|gaillard|barbier|arnaud|martinez|gerard
            roche|renard|schmitt|roy|leroux|colin|vidal|caron|picard|roger|fabre|aubert|lemoine|renaud|dumas|lacroix
            olivier|philippe|bourgeois|pierre|benoit|rey|leclerc|payet|rolland|leclercq|guillaume|lecomte|lopez|jean
            dupuy|guillot|hubert|berger|carpentier|sanchez|dupuis|moulin|louis|deschamps|huet|vasseur|perez|boucher
            fleury|royer|klein|jacquet|adam|paris|poirier|marty|aubry|guyot|carre|charles|renault|charpentier|menard
            maillard|baron|bertin|bailly|herve|schneider|fernandez|le gall|collet|leger|bouvier|julien|prevost|millet
            perrot|daniel|le roux|cousin|germain|breton|besson|langlois|remy|le goff|pelletier|leveque|perrier|leblanc
            barre|lebrun|marchal|weber|mallet|hamon|boulanger|jacob|monnier|michaud|rodriguez|guichard|gillet|etienne
            grondin|poulain|tessier|chevallier|collin|chauvin|da silva|bouchet|gay|lemaitre|benard|marechal|humbert
            reynaud|antoine|hoarau|perret|barthelemy|cordier|pichon|lejeune|gilbert|lamy|delaunay|pasquier|carlier
            laporte|boutin|marion|poulet|navarro|lacoste|ferrand|texier|leduc|lemonnier|pons|bigot|tanguy|buisson""");
    static final List<String> FR_CITY = lines("""
            paris|lyon|marseille|toulouse|nice|nantes|strasbourg|montpellier|bordeaux|lille|rennes|reims|le havre
            saint etienne|toulon|grenoble|dijon|angers|nimes|villeurbanne|clermont ferrand|le mans|aix en provence
            brest|tours|amiens|limoges|annecy|perpignan|boulogne billancourt|metz|besancon|orleans|rouen|mulhouse|caen
            nancy|argenteuil|montreuil|saint denis|roubaix|tourcoing|avignon|nanterre|poitiers|versailles|creteil|pau
            colombes|la rochelle|calais|cannes|antibes|beziers|colmar|bourges|ajaccio|bastia|quimper|valence|troyes
            chambery|niort|lorient|vannes|saint malo|chartres|laval|cholet|bayonne|biarritz|arles|sete|ales|albi|tarbes
            agen|cahors|rodez|auxerre|nevers|macon|vichy|montlucon""");
    static final List<String> FR_TAIL = lines("""
            et fils|freres|et associes|et cie|pere et fils|et filles""");
    static final List<String> FR_HEAD = lines("""
            groupe|etablissements|ateliers|societe|compagnie|maison|entreprise|manufacture|comptoir|laboratoires""");
    static final List<String> FR_LEGAL = List.of("", "", "", "", " SAS", " SAS", " SAS", " SARL", " SARL", " SA", " EURL",
            " S.A.S.");

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    @Autowired DataSource dataSource;
    @Autowired ConflictCheck conflicts;
    @Autowired DirectAccounts directAccounts;
    @Autowired CustomerFingerprints fingerprints;
    @Autowired TransactionTemplate transactions;
    @Autowired Partners partners;
    @Autowired UserAccounts users;

    private final int accounts = Integer.getInteger("bench.accounts", 1_000_000);
    private final int claims = Integer.getInteger("bench.claims", 200_000);
    private final int checks = Integer.getInteger("bench.checks", 10_000);
    private final int warmup = Integer.getInteger("bench.warmup", 500);
    private final long seed = Long.getLong("bench.seed", 42L);
    private final long budgetNanos = TimeUnit.MINUTES.toNanos(Long.getLong("bench.maxMinutes", 15L));
    private final String extraSql = System.getProperty("bench.extraSql",
            System.getenv().getOrDefault("BENCH_EXTRA_SQL", ""));

    /** Keep what an earlier run loaded into this database when its size matches (BENCH_DB in the script). */
    private final boolean reuse = Boolean.getBoolean("bench.reuse");

    private final Map<String, Double> loadSeconds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void conflictCheckLatency() throws Exception {
        wordListsAreNormalised();
        String database = scalar("select current_database()");
        assertThat(database).as("the benchmark loads a million rows: it only runs on a scratch database dealreg_bench_*")
                .startsWith("dealreg_bench_");
        String server = scalar("select current_setting('server_version')");

        UUID sam = users.findByEmail("sam@dealreg.example").orElseThrow().id();
        UUID northwind = partners.findByLegalName("Northwind Systems").orElseThrow().id();
        UUID fabrikam = partners.findByLegalName("Fabrikam Intégration").orElseThrow().id();

        long loadStart = System.nanoTime();
        if (reuse && alreadyLoaded()) {
            notes.add("reused the accounts and claims already loaded in " + database + " (bench.reuse)");
        } else {
            load(sam, northwind, fabrikam);
        }
        double loadTotal = seconds(loadStart);
        Random random = new Random(seed);
        List<Check> all = checks(random, northwind, fabrikam);
        for (String sql : extraSql.split(";;")) {
            if (!sql.isBlank()) {
                long t = System.nanoTime();
                execute(sql);
                notes.add("extra SQL before timing (%.1f s): %s".formatted(seconds(t), sql.strip()));
            }
        }
        if (!extraSql.isBlank()) {
            execute("analyze");
        }

        List<Check> warm = all.subList(0, warmup);
        List<Check> timed = all.subList(warmup, all.size());
        for (Check c : warm) {
            run(c);
        }
        String loadBefore = loadAverage();
        Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);
        Map<Kind, Map<Verdict, Integer>> verdicts = new EnumMap<>(Kind.class);
        List<Long> everything = new ArrayList<>(timed.size());
        long timedStart = System.nanoTime();
        for (Check c : timed) {
            if (!everything.isEmpty() && System.nanoTime() - timedStart > budgetNanos) {
                notes.add("STOPPED EARLY: the time budget (bench.maxMinutes) ran out after %d of %d checks"
                        .formatted(everything.size(), timed.size()));
                break;
            }
            UUID registration = UUID.randomUUID();
            long t0 = System.nanoTime();
            CheckOutcome outcome = transactions.execute(status -> {
                status.setRollbackOnly();
                return conflicts.claimAndCheck(registration, c.partnerId(), c.customer());
            });
            long elapsed = System.nanoTime() - t0;
            everything.add(elapsed);
            nanos.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(elapsed);
            verdicts.computeIfAbsent(c.kind(), k -> new EnumMap<>(Verdict.class)).merge(outcome.verdict(), 1, Integer::sum);
        }
        double timedSeconds = seconds(timedStart);
        notes.add("load average (1/5/15 min) before timing %s, after %s".formatted(loadBefore, loadAverage()));
        String typoRecall = typoRecall(timed);
        List<Long> afterCommit = afterCommitLatency(timed);

        String report = report(database, server, loadTotal, everything, nanos, verdicts, timedSeconds, typoRecall,
                afterCommit);
        System.out.println();
        System.out.println(report);
        Path out = Path.of(System.getProperty("bench.out",
                Path.of(System.getProperty("project.build.directory", "target"), "benchmarks", "conflict-check.txt")
                        .toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("written to " + out.toAbsolutePath());
        assertThat(everything).isNotEmpty();
    }

    private CheckOutcome run(Check c) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return conflicts.claimAndCheck(UUID.randomUUID(), c.partnerId(), c.customer());
        });
    }

    // ---------------------------------------------------------------- loading

    private void load(UUID sam, UUID northwind, UUID fabrikam) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            st.execute("set maintenance_work_mem = '512MB'");
            st.execute("set work_mem = '256MB'");
            st.execute("select setseed(" + (seed % 1000) / 1000.0 + ")");

            // Constraints and indexes of the loaded tables (and foreign keys pointing at them) are dropped during
            // the load and made again afterwards from their own definitions (pg_get_constraintdef,
            // pg_get_indexdef): the same schema as Flyway made, built by sorting once instead of a million
            // random inserts and per-row foreign-key checks. Checked equal afterwards.
            Schema before = schema(st);
            timed("drop constraints and indexes", () -> {
                for (String[] fk : before.foreignKeys()) {
                    st.execute("alter table " + fk[0] + " drop constraint " + fk[1]);
                }
                for (String[] key : before.keys()) {
                    st.execute("alter table " + key[0] + " drop constraint " + key[1]);
                }
                for (String[] index : before.indexes()) {
                    st.execute("drop index " + index[1]);
                }
            });

            timed("accounts", () -> st.executeUpdate("""
                    insert into direct_account (id, crm_id, name, normalised_name, country, owner_id)
                    select gen_random_uuid(), 'BENCH-' || lpad(g::text, 8, '0'), %s, n, country, '%s'::uuid
                      from (%s) x""".formatted(displayName(), sam, generator("generate_series(1, " + accounts + ") g"))));

            // One domain per account, from its name (bluerigdelogistics.com, transportsgaronne.fr); a number is
            // appended to later accounts with the same slug. 5 % of the accounts have a second domain.
            timed("domains", () -> {
                st.executeUpdate("""
                        create temporary table bench_domain as
                        select id, slug || case when rn = 1 then '' else rn::text end as base, tld
                          from (select id, slug, tld, row_number() over (partition by slug, tld order by crm_id) as rn
                                  from (select id, crm_id, replace(normalised_name, ' ', '') as slug,
                                               case country when 'US' then '.com' else '.fr' end as tld
                                          from direct_account where crm_id like 'BENCH-%') s) r""");
                st.executeUpdate("insert into direct_account_domain (domain, account_id) select base || tld, id from bench_domain");
                st.executeUpdate("""
                        insert into direct_account_domain (domain, account_id)
                        select base || case tld when '.com' then '.net' else '.eu' end, id
                          from bench_domain where random() < 0.05""");
            });

            // About 10 % of the accounts have an engagement with the rep: most open and recently active, some
            // lapsed (no activity for longer than the 180 days setting), some ended.
            timed("engagements", () -> st.executeUpdate("""
                    insert into engagement (id, account_id, rep_id, started_on, last_activity_on, ended_on)
                    select gen_random_uuid(), id, '%s'::uuid, started,
                           started + floor(random() * (current_date - started + 1))::int,
                           case when random() < 0.15 then current_date - floor(random() * 20)::int end
                      from (select id, current_date - 20 - floor(random() * 700)::int as started
                              from direct_account where crm_id like 'BENCH-%%' and random() < 0.10) e
                    """.formatted(sam)));
            st.executeUpdate("update engagement set ended_on = greatest(ended_on, last_activity_on) where ended_on is not null");

            // Active claims of other registrations: random blind indexes (64 hex characters), spread over the
            // demo partners. A few hundred more, with the real fingerprints of accounts the hits will check,
            // are added in checks() so that the "another partner registered first" path runs too.
            timed("claims", () -> st.executeUpdate("""
                    insert into customer_claim (registration_id, partner_id, domain_index, name_index, claimed_at)
                    select gen_random_uuid(), case when g %% 2 = 0 then '%s'::uuid else '%s'::uuid end,
                           case when random() < 0.9 then encode(sha256(('d' || g || random())::bytea), 'hex') end,
                           encode(sha256(('n' || g || random())::bytea), 'hex'),
                           now()
                      from generate_series(1, %d) g""".formatted(northwind, fabrikam, claimsRandom())));

            timed("rebuild constraints and indexes", () -> {
                for (String[] key : before.keys()) {
                    st.execute("alter table " + key[0] + " add constraint " + key[1] + " " + key[2]);
                }
                for (String[] index : before.indexes()) {
                    st.execute(index[2]);
                }
                for (String[] fk : before.foreignKeys()) {
                    st.execute("alter table " + fk[0] + " add constraint " + fk[1] + " " + fk[2]);
                }
            });
            assertThat(schema(st).toString()).as("the schema after the load is the one Flyway made")
                    .isEqualTo(before.toString());

            timed("vacuum analyze", () -> st.execute(
                    "vacuum (analyze) direct_account, direct_account_domain, engagement, customer_claim"));
        }
        verifyNormalisedNames();
    }

    private boolean alreadyLoaded() throws SQLException {
        return Long.parseLong(scalar("select count(*) from direct_account where crm_id like 'BENCH-%'")) == accounts;
    }

    static final String LOADED = "'direct_account', 'direct_account_domain', 'engagement', 'customer_claim'";

    /** {table, name, definition} of the loaded tables' keys, other indexes, and foreign keys from or to them. */
    record Schema(List<String[]> keys, List<String[]> indexes, List<String[]> foreignKeys) {
        @Override
        public String toString() {
            return "keys " + keys.stream().map(Arrays::toString).toList() + " indexes "
                    + indexes.stream().map(Arrays::toString).toList() + " foreign keys "
                    + foreignKeys.stream().map(Arrays::toString).toList();
        }
    }

    private static Schema schema(Statement st) throws SQLException {
        return new Schema(rows(st, """
                select t.relname, k.conname, pg_get_constraintdef(k.oid) from pg_constraint k
                  join pg_class t on t.oid = k.conrelid
                 where t.relname in (%s) and t.relnamespace = current_schema()::regnamespace and k.contype in ('p', 'u')
                 order by 1, 2""".formatted(LOADED)), rows(st, """
                select t.relname, c.relname, pg_get_indexdef(i.indexrelid) from pg_index i
                  join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
                 where t.relname in (%s) and t.relnamespace = current_schema()::regnamespace
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
                 order by 1, 2""".formatted(LOADED)), rows(st, """
                select k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid) from pg_constraint k
                 where k.contype = 'f' and (k.conrelid::regclass::text in (%1$s) or k.confrelid::regclass::text in (%1$s))
                 order by 1, 2""".formatted(LOADED)));
    }

    private static List<String[]> rows(Statement st, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private int claimsRandom() {
        return claims - claimedHits();
    }

    /** One hit in five (rounded) finds an earlier claim of the other demo partner on the same customer. */
    private int claimedHits() {
        return Math.min(claims, hitCount() / 5);
    }

    private int hitCount() {
        int total = checks + warmup;
        return (total + 2) / 3;
    }

    /** Every generated name read back: the production rule must give exactly the stored normalised name. */
    private void verifyNormalisedNames() throws SQLException {
        long t = System.nanoTime();
        long rows = 0;
        List<String> wrong = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.setFetchSize(20_000);
                try (ResultSet rs = st.executeQuery(
                        "select name, normalised_name from direct_account where crm_id like 'BENCH-%'")) {
                    while (rs.next()) {
                        rows++;
                        String name = rs.getString(1);
                        String normalised = rs.getString(2);
                        if (!CustomerNormaliser.name(name).equals(normalised) && wrong.size() < 20) {
                            wrong.add(name + " -> " + CustomerNormaliser.name(name) + " <> " + normalised);
                        }
                    }
                }
            }
            connection.commit();
        }
        assertThat(wrong).as("names whose normalised_name differs from CustomerNormaliser.name").isEmpty();
        assertThat(rows).isEqualTo(accounts);
        loadSeconds.put("verify names (Java)", seconds(t));
    }

    static String displayName() {
        return "initcap(replace(n, ' and ', ' & ')) || case when country = 'US' then " + pick(US_LEGAL, "s")
                + " else " + pick(FR_LEGAL, "s") + " end";
    }

    /** Rows (g, country, n, s): a generated normalised company name n, 60 % US and 40 % FR. */
    static String generator(String series) {
        String brand = "%s || case when h < 0.5 then %s else '' end || %s".formatted(pick(BRAND_PREFIX, "a"),
                pick(BRAND_MIDDLE, "k"), pick(BRAND_SUFFIX, "b"));
        String us = """
                case when p < 0.30 then %1$s || ' ' || %2$s || ' ' || %3$s
                     when p < 0.45 then %4$s || ' ' || %5$s || case when e < 0.5 then ' ' || %11$s else '' end
                     when p < 0.65 then %6$s || case when c < 0.5 then ' ' || %8$s else '' end
                     when p < 0.75 then %9$s || ' ' || %12$s || ' ' || %5$s
                     when p < 0.87 then %4$s || ' and ' || %10$s || case when c < 0.3 then ' ' || %8$s else '' end
                     else %4$s || ' ' || %7$s || ' ' || %8$s
                end || case when e >= 0.85 and p < 0.45 then ' ' || %11$s else '' end"""
                .formatted(pick(US_ADJ, "a"), pick(US_NOUN, "b"), pick(US_SECTOR, "c"), pick(US_SURNAME, "a"),
                        pick(US_SECTOR, "b"), brand, pick(US_TAIL, "b"), pick(US_SECTOR, "d"),
                        pick(US_CITY, "a"), pick(US_SURNAME, "b"), pick(US_CITY, "f"), pick(US_NOUN, "k"));
        String fr = """
                case when p < 0.25 then %1$s || ' ' || %2$s || %3$s || case when e < 0.5 then ' ' || %11$s else '' end
                     when p < 0.45 then %1$s || ' ' || %4$s || case when e < 0.6 then ' ' || %11$s else '' end
                     when p < 0.55 then %5$s || case when c < 0.5 then ' ' || %4$s else '' end || ' ' || %6$s
                     when p < 0.65 then %5$s || ' et ' || %4$s || case when e < 0.3 then ' ' || %11$s else '' end
                     when p < 0.80 then %7$s || case when c < 0.5 then ' ' || %9$s else '' end
                     when p < 0.90 then %10$s || ' ' || %4$s || ' ' || %11$s
                     else %1$s || ' ' || %4$s || ' ' || %3$s
                end"""
                .formatted(pick(FR_SECTOR, "a"), pick(FR_LINK, "b"), pick(FR_PLACE, "c"), pick(FR_SURNAME, "b"),
                        pick(FR_SURNAME, "a"), pick(FR_TAIL, "d"), brand, null,
                        pick(FR_SECTOR, "d"), pick(FR_HEAD, "a"), pick(FR_CITY, "f"));
        return """
                select g, country, case when country = 'US' then %s else %s end as n, s
                  from (select g, case when g %% 5 < 3 then 'US' else 'FR' end as country, random() as p,
                               random() as a, random() as b, random() as c, random() as d, random() as e,
                               random() as f, random() as k, random() as h, random() as s
                          from %s) r""".formatted(us, fr, series);
    }

    static String pick(List<String> list, String variable) {
        String literal = list.stream().map(w -> "'" + w.replace("'", "''") + "'").collect(Collectors.joining(","));
        return "(array[" + literal + "])[1 + floor(" + variable + " * " + list.size() + ")::int]";
    }

    // ---------------------------------------------------------------- the checks

    private List<Check> checks(Random random, UUID northwind, UUID fabrikam) throws SQLException {
        long t = System.nanoTime();
        int total = checks + warmup;
        int hits = hitCount();
        int typos = (total + 1) / 3;
        int misses = total - hits - typos;

        List<Target> hitTargets = targets(random, hits);
        List<Target> typoTargets = targets(random, typos);
        List<Check> list = new ArrayList<>(total);
        List<Object[]> claimRows = new ArrayList<>();
        for (int i = 0; i < hitTargets.size(); i++) {
            Target a = hitTargets.get(i);
            UUID checker = a.country().equals("US") ? northwind : fabrikam;
            String website = switch (i % 3) {
                case 0 -> "https://www." + a.domain() + "/";
                case 1 -> "www." + a.domain();
                default -> "http://" + a.domain() + "/contact";
            };
            CustomerToCheck customer = new CustomerToCheck(a.name(), website, null, a.country());
            list.add(new Check(Kind.HIT, checker, customer, a.id()));
            if (i < claimedHits()) {
                CustomerFingerprint f = fingerprints.of(a.name(), website, null, a.country());
                claimRows.add(new Object[] {UUID.randomUUID(), checker.equals(northwind) ? fabrikam : northwind,
                        f.domainIndex(), f.nameIndex()});
            }
        }
        for (Target a : typoTargets) {
            String typo = typo(a.normalisedName(), random);
            UUID checker = a.country().equals("US") ? northwind : fabrikam;
            list.add(new Check(Kind.TYPO, checker, new CustomerToCheck(capitalise(typo), null, null, a.country()), a.id()));
        }
        for (String[] miss : misses(misses)) {
            UUID checker = miss[1].equals("US") ? northwind : fabrikam;
            String website = "https://www." + miss[0].replace(" ", "") + ".io/";
            list.add(new Check(Kind.MISS, checker, new CustomerToCheck(miss[2], website, null, miss[1]), null));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("insert into customer_claim (registration_id, "
                        + "partner_id, domain_index, name_index, claimed_at) values (?, ?, ?, ?, now() - interval '3 days')")) {
            connection.setAutoCommit(true);
            for (Object[] row : claimRows) {
                for (int c = 0; c < row.length; c++) {
                    ps.setObject(c + 1, row[c]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        execute("analyze customer_claim");
        Collections.shuffle(list, random);
        loadSeconds.put("choose checks", seconds(t));
        return list;
    }

    /** Random generated accounts, read by crm_id before timing. */
    private List<Target> targets(Random random, int count) throws SQLException {
        String[] crmIds = new String[count];
        for (int i = 0; i < count; i++) {
            crmIds[i] = "BENCH-%08d".formatted(1 + random.nextInt(accounts));
        }
        Map<String, Target> byCrm = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("""
                        select a.id, a.crm_id, a.name, a.normalised_name, a.country,
                               (select min(d.domain) from direct_account_domain d where d.account_id = a.id) as domain
                          from direct_account a where a.crm_id = any (?)""")) {
            ps.setArray(1, connection.createArrayOf("text", crmIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCrm.put(rs.getString("crm_id"), new Target(rs.getObject("id", UUID.class), rs.getString("crm_id"),
                            rs.getString("name"), rs.getString("normalised_name"), rs.getString("country"),
                            rs.getString("domain")));
                }
            }
        }
        return Arrays.stream(crmIds).map(byCrm::get).toList();
    }

    /** Names from the same generator that no account has in that country: {normalised, country, display}. */
    private List<String[]> misses(int count) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            st.execute("select setseed(" + -((seed % 1000) / 1000.0 + 0.0005) + ")");
            try (ResultSet rs = st.executeQuery("""
                    select n, country, %s as display
                      from (%s) x
                     where not exists (select 1 from direct_account a where a.country = x.country and a.normalised_name = x.n)
                     limit %d""".formatted(displayName(), generator("generate_series(1, " + count * 3 + ") g"), count))) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        assertThat(out).hasSize(count);
        return out;
    }

    /** One letter changed into another letter, never a space. */
    static String typo(String name, Random random) {
        char[] chars = name.toCharArray();
        while (true) {
            int at = random.nextInt(chars.length);
            if (chars[at] == ' ') {
                continue;
            }
            char replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (replacement != chars[at]) {
                chars[at] = replacement;
                return new String(chars);
            }
        }
    }

    static String capitalise(String name) {
        return Arrays.stream(name.split(" "))
                .map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }

    /** The report's second step, which a committed submission runs on another thread: timed on its own. */
    private List<Long> afterCommitLatency(List<Check> timed) {
        List<Long> out = new ArrayList<>();
        for (Check c : timed.subList(0, Math.min(1000, timed.size()))) {
            String name = CustomerNormaliser.name(c.customer().name());
            long t0 = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                directAccounts.otherSimilarNames(name, c.customer().country(), List.of());
            });
            out.add(System.nanoTime() - t0);
        }
        return out;
    }

    /** Untimed: how often the production matcher finds the account a typo was made from. */
    private String typoRecall(List<Check> timed) {
        List<Check> typos = timed.stream().filter(c -> c.kind() == Kind.TYPO).limit(500).toList();
        int found = 0;
        for (Check c : typos) {
            List<AccountMatch> matches = transactions.execute(status -> {
                status.setRollbackOnly();
                return directAccounts.match(CustomerNormaliser.name(c.customer().name()), c.customer().country(), null,
                        Instant.now());
            });
            if (matches.stream().anyMatch(m -> m.accountId().equals(c.expectedAccount()))) {
                found++;
            }
        }
        return "%d of %d (%.1f %%)".formatted(found, typos.size(), 100.0 * found / Math.max(1, typos.size()));
    }

    // ---------------------------------------------------------------- report

    private String report(String database, String server, double loadTotal, List<Long> all, Map<Kind, List<Long>> byKind,
            Map<Kind, Map<Verdict, Integer>> verdicts, double timedSeconds, String typoRecall, List<Long> afterCommit)
            throws SQLException {
        StringBuilder r = new StringBuilder();
        r.append("== dealreg conflict check benchmark (").append(LocalDate.now()).append(") ==\n");
        r.append("database        %s on PostgreSQL %s, %d cores for Java and PostgreSQL%n".formatted(database, server,
                Runtime.getRuntime().availableProcessors()));
        r.append("data            %s direct accounts (%s distinct names in their country), %s domains, %s engagements, %s active claims%n"
                .formatted(fmt(count("select count(*) from direct_account")),
                        fmt(count("select count(*) from (select distinct country, normalised_name from direct_account) d")),
                        fmt(count("select count(*) from direct_account_domain")),
                        fmt(count("select count(*) from engagement")),
                        fmt(count("select count(*) from customer_claim where released_at is null"))));
        r.append("sizes           direct_account %s, its indexes %s (trigram GIN %s)%n".formatted(
                scalar("select pg_size_pretty(pg_table_size('direct_account'))"),
                scalar("select pg_size_pretty(pg_indexes_size('direct_account'))"),
                scalar("select pg_size_pretty(coalesce(sum(pg_relation_size(indexname::regclass)), 0)) from pg_indexes "
                        + "where tablename = 'direct_account' and indexdef like '%gin_trgm_ops%'")));
        r.append("load            %.1f s  (%s)%n".formatted(loadTotal, loadSeconds.entrySet().stream()
                .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(", "))));
        notes.forEach(n -> r.append("note            ").append(n).append('\n'));
        r.append("checks          %d timed after %d warm-up, one at a time; each claimAndCheck in a transaction rolled back%n"
                .formatted(all.size(), warmup));
        r.append("                mix: a third each of hits (an account's name as written and its website), misses (an\n"
                + "                unknown name and website) and typos (an account's name with one letter changed, no website)\n");
        r.append("                %.1f s in all, %.0f checks/s%n".formatted(timedSeconds, all.size() / timedSeconds));
        r.append("latency (ms)    %6s %8s %8s %8s %8s %8s%n".formatted("count", "p50", "p95", "p99", "max", "mean"));
        r.append(line("all", all));
        for (Kind k : Kind.values()) {
            r.append(line(k.name().toLowerCase(Locale.ROOT), byKind.getOrDefault(k, List.of())));
        }
        r.append(line("after commit", afterCommit));
        r.append("                (not under the lock, not in the submission's transaction: the similar names of accounts\n"
                + "                nobody is in contact with, added to the report once the submission has committed;\n"
                + "                %d of the timed checks)%n".formatted(afterCommit.size()));
        r.append("verdicts        ");
        r.append(Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT) + " " + verdicts.getOrDefault(k, Map.of()))
                .collect(Collectors.joining(", "))).append('\n');
        r.append("typo recall     the mistyped account was among the matches for ").append(typoRecall).append('\n');
        r.append("heap            %s MiB used after a full GC (the node's copies included), -Xmx %s MiB%n".formatted(
                heapAfterGc() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        double p95 = percentile(sorted(all), 0.95) / 1e6;
        r.append("target          p95 <= 3 ms (issue 12): %s (p95 %.2f ms)%n".formatted(p95 <= 3.0 ? "MET" : "NOT MET", p95));
        return r.toString();
    }

    private static String line(String label, List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "%-15s %6d%n".formatted(label, 0);
        }
        List<Long> s = sorted(nanos);
        double mean = s.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return "%-15s %6d %8.2f %8.2f %8.2f %8.2f %8.2f%n".formatted(label, s.size(), percentile(s, 0.50) / 1e6,
                percentile(s, 0.95) / 1e6, percentile(s, 0.99) / 1e6, s.get(s.size() - 1) / 1e6, mean);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    /** Nearest rank. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    // ---------------------------------------------------------------- helpers

    /** Each word is what the production rule makes of it, alone and next to another word (no legal form, no "the"). */
    static void wordListsAreNormalised() {
        List<List<String>> lists = List.of(US_ADJ, US_NOUN, US_SECTOR, US_SURNAME, US_CITY, FR_SECTOR, FR_PLACE,
                FR_SURNAME, FR_CITY, FR_TAIL, FR_HEAD, US_TAIL);
        List<String> wrong = new ArrayList<>();
        for (List<String> list : lists) {
            for (String w : list) {
                if (!CustomerNormaliser.name(w).equals(w) || !CustomerNormaliser.name("x " + w).equals("x " + w)
                        || !CustomerNormaliser.name(w + " x").equals(w + " x")) {
                    wrong.add(w);
                }
            }
        }
        for (String pre : BRAND_PREFIX) {
            for (String mid : BRAND_MIDDLE) {
                for (String suf : BRAND_SUFFIX) {
                    for (String w : List.of(pre + suf, pre + mid + suf)) {
                        if (!CustomerNormaliser.name(w + " x").equals(w + " x")
                                || !CustomerNormaliser.name("x " + w).equals("x " + w)) {
                            wrong.add(w);
                        }
                    }
                }
            }
        }
        for (String link : FR_LINK) {
            if (!link.isEmpty() && !CustomerNormaliser.name("x " + link + "x").equals("x " + link + "x")) {
                wrong.add(link);
            }
        }
        assertThat(wrong).as("words that are not already normalised").isEmpty();
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.replace("\n", "|").split("\\|", -1)).map(s -> s.replaceAll("^\\s+", ""))
                .toList();
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    private void timed(String step, SqlWork work) throws SQLException {
        long t = System.nanoTime();
        work.run();
        loadSeconds.put(step, seconds(t));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            st.execute(sql);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(scalar(sql));
    }

    private static long heapAfterGc() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The machine is shared: say how busy it was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String fmt(long n) {
        return "%,d".formatted(n);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
