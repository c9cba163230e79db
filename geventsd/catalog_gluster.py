"""The GlusterFS event types, as data.

Generated once from the GlusterFS wire numbering (``gluster-event-types.tsv``)
and the attribute tables of the GlusterFS Events API admin guide; edited by
hand since.  Each row is ``(id, name, category, severity, attributes)`` and
each attribute ``(name, type, description)``.  Types the guide does not
document have no attributes listed: their messages are passed through as sent.

This module is only data; :mod:`geventsd.catalog` turns it into records.
"""

GLUSTER_EVENT_TYPES = (
    (0, 'PEER_ATTACH', 'peer', 'info', (
        ('host', 'string', 'Hostname or IP of added node'),
    )),
    (1, 'PEER_DETACH', 'peer', 'info', (
        ('host', 'string', 'Hostname or IP of detached node'),
    )),
    (2, 'VOLUME_CREATE', 'volume', 'info', (
        ('name', 'string', 'Volume Name'),
    )),
    (3, 'VOLUME_START', 'volume', 'info', (
        ('force', 'boolean', 'Force option used or not during Start'),
        ('name', 'string', 'Volume Name'),
    )),
    (4, 'VOLUME_STOP', 'volume', 'info', (
        ('force', 'boolean', 'Force option used or not during Stop'),
        ('name', 'string', 'Volume Name'),
    )),
    (5, 'VOLUME_DELETE', 'volume', 'info', (
        ('name', 'string', 'Volume Name'),
    )),
    (6, 'VOLUME_SET', 'volume', 'info', (
        ('name', 'string', 'Volume Name'),
        ('options', 'pairs', 'Options set, as [key, value] pairs'),
    )),
    (7, 'VOLUME_RESET', 'volume', 'info', (
        ('name', 'string', 'Volume Name'),
        ('option', 'string', 'Option Name'),
    )),
    (8, 'BRICK_RESET_START', 'brick', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('source-brick', 'string', 'Source Brick details'),
    )),
    (9, 'BRICK_RESET_COMMIT', 'brick', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('destination-brick', 'string', 'Destination Brick'),
        ('source-brick', 'string', 'Source Brick details'),
    )),
    (10, 'BRICK_REPLACE', 'brick', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('destination-brick', 'string', 'Destination Brick'),
        ('source-brick', 'string', 'Source Brick details'),
    )),
    (11, 'GEOREP_CREATE', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Create'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
        ('no_verify', 'boolean', 'No verify option is used or not'),
        ('push_pem', 'boolean', 'Push pem option is used or Not'),
        ('ssh_port', 'integer', 'If SSH port is configured during Session Create'),
        ('master', 'string', 'Master Volume Name'),
    )),
    (12, 'GEOREP_START', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Start'),
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
    )),
    (13, 'GEOREP_STOP', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Stop'),
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
    )),
    (14, 'GEOREP_PAUSE', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Pause'),
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
    )),
    (15, 'GEOREP_RESUME', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Resume'),
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
    )),
    (16, 'GEOREP_DELETE', 'georep', 'info', (
        ('force', 'boolean', 'Force option used during session Delete'),
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
    )),
    (17, 'GEOREP_CONFIG_SET', 'georep', 'info', (
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
        ('option', 'string', 'Name of Geo-rep config'),
        ('value', 'string', 'Changed Value'),
    )),
    (18, 'GEOREP_CONFIG_RESET', 'georep', 'info', (
        ('master', 'string', 'Master Volume Name'),
        ('slave', 'string', 'Slave Details(Slavehost::SlaveVolume)'),
        ('option', 'string', 'Name of Geo-rep config'),
    )),
    (19, 'BITROT_ENABLE', 'bitrot', 'info', (
        ('name', 'string', 'Volume Name'),
    )),
    (20, 'BITROT_DISABLE', 'bitrot', 'info', (
        ('name', 'string', 'Volume Name'),
    )),
    (21, 'BITROT_SCRUB_THROTTLE', 'bitrot', 'info', (
        ('name', 'string', 'Volume Name'),
        ('value', 'string', 'Changed Value'),
    )),
    (22, 'BITROT_SCRUB_FREQ', 'bitrot', 'info', (
        ('name', 'string', 'Volume Name'),
        ('value', 'string', 'Changed Value'),
    )),
    (23, 'BITROT_SCRUB_OPTION', 'bitrot', 'info', (
        ('name', 'string', 'Volume Name'),
        ('value', 'string', 'Changed Value'),
    )),
    (24, 'BITROT_SCRUB_ONDEMAND', 'bitrot', 'info', ()),
    (25, 'QUOTA_ENABLE', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (26, 'QUOTA_DISABLE', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (27, 'QUOTA_SET_USAGE_LIMIT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('path', 'string', 'Path in Volume on which Quota option is set'),
        ('limit', 'string', 'Changed Value'),
    )),
    (28, 'QUOTA_SET_OBJECTS_LIMIT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('path', 'string', 'Path in Volume on which Quota option is set'),
        ('limit', 'string', 'Changed Value'),
    )),
    (29, 'QUOTA_REMOVE_USAGE_LIMIT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('path', 'string', 'Path in Volume on which Quota option is Reset'),
    )),
    (30, 'QUOTA_REMOVE_OBJECTS_LIMIT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('path', 'string', 'Path in Volume on which Quota option is Reset'),
    )),
    (31, 'QUOTA_ALERT_TIME', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('time', 'string', 'Changed Alert Time'),
    )),
    (32, 'QUOTA_SOFT_TIMEOUT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('soft-timeout', 'string', 'Changed Value'),
    )),
    (33, 'QUOTA_HARD_TIMEOUT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('hard-timeout', 'string', 'Changed Value'),
    )),
    (34, 'QUOTA_DEFAULT_SOFT_LIMIT', 'quota', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('default-soft-limit', 'string', 'Changed Value'),
    )),
    (35, 'SNAPSHOT_CREATED', 'snapshot', 'info', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('volume_name', 'string', 'Volume Name'),
        ('snapshot_uuid', 'string', 'Snapshot UUID'),
    )),
    (36, 'SNAPSHOT_CREATE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('volume_name', 'string', 'Volume Name'),
        ('error', 'string', 'Failure details'),
    )),
    (37, 'SNAPSHOT_ACTIVATED', 'snapshot', 'info', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('snapshot_uuid', 'string', 'Snapshot UUID'),
    )),
    (38, 'SNAPSHOT_ACTIVATE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('error', 'string', 'Failure details'),
    )),
    (39, 'SNAPSHOT_DEACTIVATED', 'snapshot', 'info', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('snapshot_uuid', 'string', 'Snapshot UUID'),
    )),
    (40, 'SNAPSHOT_DEACTIVATE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('error', 'string', 'Failure details'),
    )),
    (41, 'SNAPSHOT_SOFT_LIMIT_REACHED', 'snapshot', 'warning', (
        ('volume_name', 'string', 'Volume Name'),
        ('volume_id', 'string', 'Volume ID'),
    )),
    (42, 'SNAPSHOT_HARD_LIMIT_REACHED', 'snapshot', 'error', (
        ('volume_name', 'string', 'Volume Name'),
        ('volume_id', 'string', 'Volume ID'),
    )),
    (43, 'SNAPSHOT_RESTORED', 'snapshot', 'info', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('volume_name', 'string', 'Volume Name'),
        ('snapshot_uuid', 'string', 'Snapshot UUID'),
    )),
    (44, 'SNAPSHOT_RESTORE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('error', 'string', 'Failure details'),
    )),
    (45, 'SNAPSHOT_DELETED', 'snapshot', 'info', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('snapshot_uuid', 'string', 'Snapshot UUID'),
    )),
    (46, 'SNAPSHOT_DELETE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('error', 'string', 'Failure details'),
    )),
    (47, 'SNAPSHOT_CLONED', 'snapshot', 'info', (
        ('clone_uuid', 'string', 'Snapshot Clone UUID'),
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('clone_name', 'string', 'Snapshot Clone Name'),
    )),
    (48, 'SNAPSHOT_CLONE_FAILED', 'snapshot', 'error', (
        ('snapshot_name', 'string', 'Snapshot Name'),
        ('clone_name', 'string', 'Snapshot Clone Name'),
        ('error', 'string', 'Failure details'),
    )),
    (49, 'SNAPSHOT_CONFIG_UPDATED', 'snapshot', 'info', (
        ('auto-delete', 'string', 'Auto delete Value if available'),
        ('config_type', 'string', 'Volume Config or System Config'),
        ('hard_limit', 'string', 'Hard Limit Value if available'),
        ('soft_limit', 'string', 'Soft Limit Value if available'),
        ('snap-activate', 'string', 'Snap activate Value if available'),
    )),
    (50, 'SNAPSHOT_CONFIG_UPDATE_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (51, 'SNAPSHOT_SCHEDULER_INITIALISED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (52, 'SNAPSHOT_SCHEDULER_INIT_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (53, 'SNAPSHOT_SCHEDULER_ENABLED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (54, 'SNAPSHOT_SCHEDULER_ENABLE_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (55, 'SNAPSHOT_SCHEDULER_DISABLED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (56, 'SNAPSHOT_SCHEDULER_DISABLE_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (57, 'SNAPSHOT_SCHEDULER_SCHEDULE_ADDED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (58, 'SNAPSHOT_SCHEDULER_SCHEDULE_ADD_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (59, 'SNAPSHOT_SCHEDULER_SCHEDULE_EDITED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (60, 'SNAPSHOT_SCHEDULER_SCHEDULE_EDIT_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (61, 'SNAPSHOT_SCHEDULER_SCHEDULE_DELETED', 'snapshot', 'info', (
        ('status', 'string', 'Success Status'),
    )),
    (62, 'SNAPSHOT_SCHEDULER_SCHEDULE_DELETE_FAILED', 'snapshot', 'error', (
        ('error', 'string', 'Error details'),
    )),
    (63, 'SVC_MANAGER_FAILED', 'svc', 'error', (
        ('volume', 'string', 'Volume Name if available'),
        ('svc_name', 'string', 'Service Name'),
    )),
    (64, 'SVC_RECONFIGURE_FAILED', 'svc', 'error', ()),
    (65, 'SVC_CONNECTED', 'svc', 'info', (
        ('volume', 'string', 'Volume Name if available'),
        ('svc_name', 'string', 'Service Name'),
    )),
    (66, 'SVC_DISCONNECTED', 'svc', 'warning', (
        ('svc_name', 'string', 'Service Name'),
    )),
    (67, 'PEER_STORE_FAILURE', 'peer', 'error', (
        ('peer', 'string', 'Hostname or IP'),
    )),
    (68, 'PEER_RPC_CREATE_FAILED', 'peer', 'error', (
        ('peer', 'string', 'Hostname or IP'),
    )),
    (69, 'PEER_REJECT', 'peer', 'error', (
        ('peer', 'string', 'Hostname or IP'),
    )),
    (70, 'PEER_CONNECT', 'peer', 'info', (
        ('host', 'string', 'Hostname or IP'),
        ('uuid', 'string', 'Host UUID'),
    )),
    (71, 'PEER_DISCONNECT', 'peer', 'warning', (
        ('host', 'string', 'Hostname or IP'),
        ('uuid', 'string', 'Host UUID'),
        ('state', 'string', 'Disconnect State'),
    )),
    (72, 'PEER_NOT_FOUND', 'peer', 'warning', (
        ('peer', 'string', 'Hostname or IP'),
        ('uuid', 'string', 'Host UUID'),
    )),
    (73, 'UNKNOWN_PEER', 'peer', 'warning', (
        ('peer', 'string', 'Hostname or IP'),
    )),
    (74, 'BRICK_START_FAILED', 'brick', 'error', (
        ('peer', 'string', 'Hostname or IP'),
        ('volume', 'string', 'Volume Name'),
        ('brick', 'string', 'Brick'),
    )),
    (75, 'BRICK_STOP_FAILED', 'brick', 'error', (
        ('peer', 'string', 'Hostname or IP'),
        ('volume', 'string', 'Volume Name'),
        ('brick', 'string', 'Brick'),
    )),
    (76, 'BRICK_DISCONNECTED', 'brick', 'warning', (
        ('peer', 'string', 'Hostname or IP'),
        ('volume', 'string', 'Volume Name'),
        ('brick', 'string', 'Brick'),
    )),
    (77, 'BRICK_CONNECTED', 'brick', 'info', (
        ('peer', 'string', 'Hostname or IP'),
        ('volume', 'string', 'Volume Name'),
        ('brick', 'string', 'Brick'),
    )),
    (78, 'BRICKPATH_RESOLVE_FAILED', 'brick', 'error', (
        ('peer', 'string', 'Hostname or IP'),
        ('volume', 'string', 'Volume Name'),
        ('brick', 'string', 'Brick'),
    )),
    (79, 'NOTIFY_UNKNOWN_OP', 'glusterd', 'warning', (
        ('op', 'string', 'Operation Name'),
    )),
    (80, 'QUORUM_LOST', 'quorum', 'critical', (
        ('volume', 'string', 'Volume Name'),
    )),
    (81, 'QUORUM_REGAINED', 'quorum', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (82, 'REBALANCE_START_FAILED', 'rebalance', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (83, 'REBALANCE_STATUS_UPDATE_FAILED', 'rebalance', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (84, 'IMPORT_QUOTA_CONF_FAILED', 'glusterd', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (85, 'IMPORT_VOLUME_FAILED', 'glusterd', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (86, 'IMPORT_BRICK_FAILED', 'glusterd', 'error', (
        ('peer', 'string', 'Hostname or IP'),
        ('brick', 'string', 'Brick details'),
    )),
    (87, 'COMPARE_FRIEND_VOLUME_FAILED', 'glusterd', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (88, 'NFS_GANESHA_EXPORT_FAILED', 'nfs', 'error', ()),
    (89, 'EC_MIN_BRICKS_NOT_UP', 'ec', 'critical', (
        ('subvol', 'string', 'Subvolume'),
    )),
    (90, 'EC_MIN_BRICKS_UP', 'ec', 'info', (
        ('subvol', 'string', 'Subvolume'),
    )),
    (91, 'GEOREP_FAULTY', 'georep', 'error', (
        ('master_node', 'string', 'Hostname or IP of Master Volume'),
        ('brick_path', 'string', 'Brick Path'),
        ('slave_host', 'string', 'Slave Hostname or IP'),
        ('master_volume', 'string', 'Master Volume Name'),
        ('current_slave_host', 'string', 'Current Slave Host to which Geo-rep worker was trying to connect to'),
        ('slave_volume', 'string', 'Slave Volume Name'),
    )),
    (92, 'GEOREP_CHECKPOINT_COMPLETED', 'georep', 'info', ()),
    (93, 'GEOREP_ACTIVE', 'georep', 'info', ()),
    (94, 'GEOREP_PASSIVE', 'georep', 'info', ()),
    (95, 'QUOTA_CROSSED_SOFT_LIMIT', 'quota', 'warning', (
        ('usage', 'string', 'Usage'),
        ('volume', 'string', 'Volume Name'),
        ('path', 'string', 'Path'),
    )),
    (96, 'BITROT_BAD_FILE', 'bitrot', 'critical', (
        ('gfid', 'string', 'GFID of File'),
        ('path', 'string', 'Path if Available'),
        ('brick', 'string', 'Brick details'),
    )),
    (97, 'CLIENT_CONNECT', 'client', 'info', (
        ('client_identifier', 'string', 'Client Identifier'),
        ('client_uid', 'string', 'Client UID'),
        ('server_identifier', 'string', 'Server Identifier'),
        ('brick_path', 'string', 'Path of Brick'),
    )),
    (98, 'CLIENT_AUTH_REJECT', 'client', 'error', (
        ('client_identifier', 'string', 'Client Identifier'),
        ('client_uid', 'string', 'Client UID'),
        ('server_identifier', 'string', 'Server Identifier'),
        ('brick_path', 'string', 'Path of Brick'),
    )),
    (99, 'CLIENT_DISCONNECT', 'client', 'info', (
        ('client_identifier', 'string', 'Client Identifier'),
        ('client_uid', 'string', 'Client UID'),
        ('server_identifier', 'string', 'Server Identifier'),
        ('brick_path', 'string', 'Path of Brick'),
    )),
    (100, 'POSIX_SAME_GFID', 'posix', 'warning', (
        ('gfid', 'string', 'GFID of File'),
        ('path', 'string', 'Path of File'),
        ('newpath', 'string', 'New Path of File'),
        ('brick', 'string', 'Brick details'),
    )),
    (101, 'POSIX_ALREADY_PART_OF_VOLUME', 'posix', 'warning', (
        ('volume-id', 'string', 'Volume ID'),
        ('brick', 'string', 'Brick details'),
    )),
    (102, 'POSIX_BRICK_NOT_IN_VOLUME', 'posix', 'warning', (
        ('brick', 'string', 'Brick details'),
    )),
    (103, 'POSIX_BRICK_VERIFICATION_FAILED', 'posix', 'error', (
        ('brick', 'string', 'Brick details'),
    )),
    (104, 'POSIX_ACL_NOT_SUPPORTED', 'posix', 'warning', (
        ('brick', 'string', 'Brick details'),
    )),
    (105, 'POSIX_HEALTH_CHECK_FAILED', 'posix', 'error', (
        ('path', 'string', 'Path'),
        ('brick', 'string', 'Brick details'),
        ('op', 'string', 'Error Number'),
        ('error', 'string', 'Error'),
    )),
    (106, 'AFR_QUORUM_MET', 'afr', 'info', (
        ('subvol', 'string', 'Sub Volume Name'),
    )),
    (107, 'AFR_QUORUM_FAIL', 'afr', 'critical', (
        ('subvol', 'string', 'Sub Volume Name'),
    )),
    (108, 'AFR_SUBVOL_UP', 'afr', 'info', (
        ('subvol', 'string', 'Sub Volume Name'),
    )),
    (109, 'AFR_SUBVOLS_DOWN', 'afr', 'critical', (
        ('subvol', 'string', 'Sub Volume Name'),
    )),
    (110, 'AFR_SPLIT_BRAIN', 'afr', 'critical', (
        ('subvol', 'string', 'Sub Volume Name'),
    )),
    (111, 'TIER_ATTACH', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (112, 'TIER_ATTACH_FORCE', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (113, 'TIER_DETACH_START', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (114, 'TIER_DETACH_STOP', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (115, 'TIER_DETACH_COMMIT', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (116, 'TIER_DETACH_FORCE', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (117, 'TIER_PAUSE', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (118, 'TIER_RESUME', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (119, 'TIER_WATERMARK_HI', 'tier', 'warning', (
        ('vol', 'string', 'Volume Name'),
    )),
    (120, 'TIER_WATERMARK_DROPPED_TO_MID', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (121, 'TIER_WATERMARK_RAISED_TO_MID', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (122, 'TIER_WATERMARK_DROPPED_TO_LOW', 'tier', 'info', (
        ('vol', 'string', 'Volume Name'),
    )),
    (123, 'VOLUME_ADD_BRICK', 'volume', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('bricks', 'string', 'Bricks details separated by Space'),
    )),
    (124, 'VOLUME_ADD_BRICK_FAILED', 'volume', 'error', ()),
    (125, 'VOLUME_REMOVE_BRICK_START', 'volume', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('bricks', 'string', 'Bricks details separated by Space'),
    )),
    (126, 'VOLUME_REMOVE_BRICK_START_FAILED', 'volume', 'error', ()),
    (127, 'VOLUME_REMOVE_BRICK_COMMIT', 'volume', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('bricks', 'string', 'Bricks details separated by Space'),
    )),
    (128, 'VOLUME_REMOVE_BRICK_COMMIT_FAILED', 'volume', 'error', ()),
    (129, 'VOLUME_REMOVE_BRICK_STOP', 'volume', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('bricks', 'string', 'Bricks details separated by Space'),
    )),
    (130, 'VOLUME_REMOVE_BRICK_STOP_FAILED', 'volume', 'error', ()),
    (131, 'VOLUME_REMOVE_BRICK_FORCE', 'volume', 'info', (
        ('volume', 'string', 'Volume Name'),
        ('bricks', 'string', 'Bricks details separated by Space'),
    )),
    (132, 'VOLUME_REMOVE_BRICK_FORCE_FAILED', 'volume', 'error', ()),
    (133, 'VOLUME_REMOVE_BRICK_FAILED', 'volume', 'error', ()),
    (134, 'VOLUME_REBALANCE_START', 'rebalance', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (135, 'VOLUME_REBALANCE_STOP', 'rebalance', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (136, 'VOLUME_REBALANCE_FAILED', 'rebalance', 'error', (
        ('volume', 'string', 'Volume Name'),
    )),
    (137, 'VOLUME_REBALANCE_COMPLETE', 'rebalance', 'info', (
        ('volume', 'string', 'Volume Name'),
    )),
    (138, 'TIER_START', 'tier', 'info', ()),
    (139, 'TIER_START_FORCE', 'tier', 'info', ()),
    (140, 'DHT_DISK_USAGE', 'dht', 'warning', ()),
    (141, 'DHT_INODES_USAGE', 'dht', 'warning', ()),
)
