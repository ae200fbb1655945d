package dev.pulse.ticker.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and write-buffer budget shared by every store of the instance (Kafka Streams' bounded
 * memory recipe), so memory does not grow with the number of partitions a ticker holds.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String MEMORY_BYTES = "pulse.ticker.rocksdb.memory.bytes";

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object bytes = configs.get(MEMORY_BYTES);
        if (bytes == null) {
            // the service always sets it, from pulse.ticker.rocks-db-memory: no second default here
            throw new IllegalStateException(MEMORY_BYTES + " is not set");
        }
        share(Long.parseLong(String.valueOf(bytes)));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    private static synchronized void share(long bytes) {
        if (cache == null) {
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(bytes / 4, cache);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // the shared cache and write buffers outlive any one store
    }
}
