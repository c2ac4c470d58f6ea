package io.flotilla.control.command;

/**
 * A decision of a control loop, as a value: the loops return commands, an executor carries them out
 * against the cluster and cloud ports (or prints them, for a dry run).
 */
public sealed interface Command
    permits LaunchNodeClaim,
        Cordon,
        CheckpointWorkloads,
        Evict,
        DeleteNode,
        Replace,
        Disrupt,
        TerminateInstance {}
