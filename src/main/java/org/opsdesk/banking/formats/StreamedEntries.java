package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.NamespaceAndElementFilter;
import com.prowidesoftware.swift.model.mx.adapters.TypeAdaptersConfiguration;
import com.prowidesoftware.swift.utils.SafeXmlUtils;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.transform.sax.SAXSource;
import org.opsdesk.banking.formats.CamtStatement.Entry;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a camt message as Prowide's own {@code parse} does — its safe SAX reader, its namespace filter on {@code
 * Document}, its cached JAXB context and its date adapters — with one addition: each entry ({@code Ntry}) is turned
 * into the version-free {@link Entry} as soon as JAXB has read it, and dropped from its statement at once. A
 * 100,000-entry statement so never stands whole in Prowide's model: only its header, its balances and one entry at
 * a time (the whole model of such a file needs more than 400 MB of heap and most of the reading time).
 *
 * @param <E> the version's entry type ({@code ReportEntry2}, {@code ReportEntry4}, {@code ReportEntry10})
 */
final class StreamedEntries<E> extends Unmarshaller.Listener {

    private final Class<E> entryType;
    private final Function<E, Entry> convert;
    private final Function<Object, List<?>> heldBy;
    private final Map<Object, List<Entry>> byStatement = new IdentityHashMap<>();

    /**
     * @param convert the version's adapter for one entry
     * @param heldBy the list of entries a statement (or notification) holds, which is emptied as entries are read
     */
    StreamedEntries(Class<E> entryType, Function<E, Entry> convert, Function<Object, List<?>> heldBy) {
        this.entryType = entryType;
        this.convert = convert;
        this.heldBy = heldBy;
    }

    /** Reads the message of this class (its {@code _classes} are the JAXB context's) from the file's bytes. */
    <M> M read(byte[] content, Class<M> message, Class<?>[] classes) throws Exception {
        XMLReader xml = SafeXmlUtils.reader(true, null);
        var filter = new NamespaceAndElementFilter("Document");
        filter.setParent(xml);
        Unmarshaller unmarshaller =
                JaxbContextLoader.INSTANCE.get(message, classes).createUnmarshaller();
        for (var adapter : new TypeAdaptersConfiguration().asList()) {
            unmarshaller.setAdapter(adapter);
        }
        unmarshaller.setListener(this);
        var source = new SAXSource(filter, new InputSource(new ByteArrayInputStream(content)));
        return unmarshaller.unmarshal(source, message).getValue();
    }

    /** The entries read for this statement, in the file's order. */
    List<Entry> of(Object statement) {
        return byStatement.getOrDefault(statement, List.of());
    }

    @Override
    public void afterUnmarshal(Object target, Object parent) {
        if (entryType.isInstance(target)) {
            byStatement
                    .computeIfAbsent(parent, statement -> new ArrayList<>())
                    .add(convert.apply(entryType.cast(target)));
            // JAXB adds each entry to the statement's own list as it goes: emptying it keeps at most one held
            heldBy.apply(parent).clear();
        }
    }
}
