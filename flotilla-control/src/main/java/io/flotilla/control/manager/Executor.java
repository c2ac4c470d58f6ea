package io.flotilla.control.manager;

import io.flotilla.control.command.CheckpointWorkloads;
import io.flotilla.control.command.Command;
import io.flotilla.control.command.Cordon;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Disrupt;
import io.flotilla.control.command.Evict;
import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.control.command.Replace;
import io.flotilla.control.command.TerminateInstance;
import io.flotilla.control.interruption.CheckpointProgress;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Carries out the loops' commands through the cluster, cloud and checkpoint ports, and records in
 * the control state what the next pass must know (a node cordoned, its replacement asked for, its
 * checkpoint running). Launches go through the provisioning path instead, which also handles the
 * cloud's refusals.
 */
final class Executor {
  private final ControlPorts ports;
  private final ControlState state;

  Executor(ControlPorts ports, ControlState state) {
    this.ports = ports;
    this.state = state;
  }

  void execute(List<Command> commands, Instant now) {
    for (Command command : commands) {
      if (command instanceof Cordon c) {
        ports.cluster().cordon(c.node());
        ControlState.Warned w = state.warned().get(c.node());
        if (w != null) {
          w.cordoned();
        }
      } else if (command instanceof Replace r) {
        state.replace(r.pods());
        ControlState.Warned w = state.warned().get(r.node());
        if (w != null) {
          w.replacementRequested();
        }
      } else if (command instanceof CheckpointWorkloads c) {
        checkpoint(c, now);
      } else if (command instanceof Evict e) {
        for (PodId pod : e.pods()) {
          ports.cluster().evict(pod);
        }
        state.evicted(e.node());
      } else if (command instanceof DeleteNode d) {
        delete(d.node());
      } else if (command instanceof Disrupt d) {
        state.disrupt(d.node(), d.reason());
        ports.cluster().cordon(d.node());
      } else if (command instanceof TerminateInstance t) {
        ports.cloud().terminate(t.instanceId());
      } else if (command instanceof LaunchNodeClaim l) {
        throw new IllegalArgumentException("launches go through provisioning: " + l.name());
      }
    }
  }

  /**
   * Asks the jobs on the node to checkpoint. The drain waits for as long as the checkpoint took
   * (within its bound): against a real cluster the call has returned by then; in the simulator the
   * report says how long the simulated checkpoint takes in virtual time.
   */
  private void checkpoint(CheckpointWorkloads c, Instant now) {
    CheckpointReport report = ports.checkpoints().checkpointWorkloadsOn(c.warning(), c.bound());
    Duration held = report.elapsed().compareTo(c.bound()) < 0 ? report.elapsed() : c.bound();
    state.checkpoint(c.warning().nodeName(), new CheckpointProgress(now, held, false));
  }

  private void delete(String node) {
    for (NodeClaim claim : ports.cluster().nodeClaims()) {
      if (claim.name().equals(node)) {
        ports.cloud().terminate(claim.instanceId());
      }
    }
    ports.cluster().deleteNode(node);
    state.forget(node);
  }
}
