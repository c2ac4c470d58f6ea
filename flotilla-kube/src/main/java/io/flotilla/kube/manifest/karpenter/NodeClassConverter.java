package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import io.flotilla.kube.manifest.values.Quantities;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * EC2NodeClass and AWSNodeTemplate to the core NodeClass: the AMI family (amiFamily, else the
 * family of an alias such as {@code al2023@latest}), the size of the volume behind the kubelet (the
 * mapping with rootVolume; else /dev/xvdb on Bottlerocket, /dev/xvda otherwise; none: the default),
 * whether instance-store NVMe is striped (RAID0), the zones of the subnets the status lists (none:
 * not known) and the EBS storage every node carries: the sum of the mappings' volume sizes (none
 * given: null, the AMI's default).
 */
public final class NodeClassConverter {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final Map<String, String> ALIAS_FAMILIES =
      Map.of(
          "al2", "AL2",
          "al2023", "AL2023",
          "bottlerocket", "Bottlerocket",
          "windows2019", "Windows2019",
          "windows2022", "Windows2022",
          "windows2025", "Windows2025");
  private static final Set<String> FAMILIES =
      Set.of(
          "AL2",
          "AL2023",
          "Bottlerocket",
          "Ubuntu",
          "Custom",
          "Windows2019",
          "Windows2022",
          "Windows2025");

  private NodeClassConverter() {}

  /** An EC2NodeClass with its kubelet settings (which karpenter.sh/v1 NodePools use). */
  public static NodeClassEntry entry(Ec2NodeClassDoc doc, Warnings w) {
    NodeClass nc = ec2NodeClass(ObjectNames.name(doc.metadata()), doc.spec(), doc.status(), w);
    return new NodeClassEntry(
        nc, KubeletConverter.convert(SPEC.child("kubelet"), doc.spec().kubelet()));
  }

  /** An AWSNodeTemplate object. */
  public static NodeClass awsNodeTemplate(AwsNodeTemplateDoc doc) {
    return awsNodeTemplate(ObjectNames.name(doc.metadata()), SPEC, doc.spec(), doc.status());
  }

  static NodeClass ec2NodeClass(
      String name, Ec2NodeClassDoc.Spec spec, NodeClassStatus status, Warnings w) {
    if (spec == null) {
      throw new FieldError(SPEC, "missing");
    }
    String aliasFamily = null;
    List<Ec2NodeClassDoc.AmiSelectorTerm> terms = spec.amiSelectorTerms();
    for (int i = 0; terms != null && i < terms.size(); i++) {
      if (terms.get(i) != null && terms.get(i).alias() != null) {
        aliasFamily =
            aliasFamily(
                SPEC.child("amiSelectorTerms").index(i).child("alias"), terms.get(i).alias());
      }
    }
    String family = spec.amiFamily();
    if (family != null) {
      checkFamily(SPEC, family);
      if (aliasFamily != null && !family.equals(aliasFamily) && !family.equals("Custom")) {
        w.warn(SPEC.child("amiFamily"), "differs from the alias family " + aliasFamily);
      }
    } else if (aliasFamily != null) {
      family = aliasFamily;
    } else {
      w.warn(SPEC, "neither amiFamily nor an alias amiSelectorTerm: AL2023 assumed");
      family = "AL2023";
    }
    FieldPath mappingsAt = SPEC.child("blockDeviceMappings");
    return new NodeClass(
        name,
        family,
        volumeBytes(mappingsAt, spec.blockDeviceMappings(), family),
        raid0(spec.instanceStorePolicy()),
        subnetZones(status),
        ebsBytes(mappingsAt, spec.blockDeviceMappings()));
  }

  /** An AWSNodeTemplate spec (or a v1alpha5 inline provider) at {@code at}; AL2 by default. */
  public static NodeClass awsNodeTemplate(
      String name, FieldPath at, AwsNodeTemplateDoc.Spec spec, NodeClassStatus status) {
    if (spec == null) {
      return new NodeClass(name, "AL2", null, false, subnetZones(status), null);
    }
    String family = spec.amiFamily() == null ? "AL2" : checkFamily(at, spec.amiFamily());
    FieldPath mappingsAt = at.child("blockDeviceMappings");
    return new NodeClass(
        name,
        family,
        volumeBytes(mappingsAt, spec.blockDeviceMappings(), family),
        false,
        subnetZones(status),
        ebsBytes(mappingsAt, spec.blockDeviceMappings()));
  }

  /** The zones of the subnets the controller resolved, sorted; empty when not known. */
  static List<String> subnetZones(NodeClassStatus status) {
    Set<String> zones = new TreeSet<>();
    if (status != null && status.subnets() != null) {
      for (NodeClassStatus.Subnet subnet : status.subnets()) {
        if (subnet != null && subnet.zone() != null && !subnet.zone().isBlank()) {
          zones.add(subnet.zone());
        }
      }
    }
    return List.copyOf(zones);
  }

  /** The sum of the EBS volume sizes the mappings give, or null when none gives one. */
  static Long ebsBytes(FieldPath at, List<BlockDeviceMapping> mappings) {
    Long total = null;
    for (int i = 0; mappings != null && i < mappings.size(); i++) {
      BlockDeviceMapping m = mappings.get(i);
      if (m != null && m.ebs() != null && m.ebs().volumeSize() != null) {
        FieldPath sizeAt = at.index(i).child("ebs").child("volumeSize");
        long bytes = Quantities.canonical(sizeAt, "ephemeral-storage", m.ebs().volumeSize());
        total = total == null ? bytes : total + bytes;
      }
    }
    return total;
  }

  private static String aliasFamily(FieldPath at, String alias) {
    int sep = alias.indexOf('@');
    String family = ALIAS_FAMILIES.get(sep < 0 ? "" : alias.substring(0, sep));
    if (family == null) {
      throw new FieldError(
          at,
          "unknown alias '"
              + alias
              + "' (expected family@version, family one of "
              + ALIAS_FAMILIES.keySet()
              + ")");
    }
    return family;
  }

  private static String checkFamily(FieldPath at, String family) {
    if (!FAMILIES.contains(family)) {
      throw new FieldError(
          at.child("amiFamily"),
          "unknown amiFamily '" + family + "' (expected one of " + FAMILIES + ")");
    }
    return family;
  }

  private static boolean raid0(String policy) {
    if (policy == null) {
      return false;
    }
    if (!policy.equals("RAID0")) {
      throw new FieldError(
          SPEC.child("instanceStorePolicy"),
          "unknown instanceStorePolicy '" + policy + "' (expected RAID0)");
    }
    return true;
  }

  /** The size of the volume behind the kubelet, or null for the AMI's default. */
  static Long volumeBytes(FieldPath at, List<BlockDeviceMapping> mappings, String family) {
    if (mappings == null) {
      return null;
    }
    int chosen = -1;
    for (int i = 0; i < mappings.size() && chosen < 0; i++) {
      if (Boolean.TRUE.equals(mappings.get(i).rootVolume())) {
        chosen = i;
      }
    }
    String device = family.equals("Bottlerocket") ? "/dev/xvdb" : "/dev/xvda";
    for (int i = 0; i < mappings.size() && chosen < 0; i++) {
      if (device.equals(mappings.get(i).deviceName())) {
        chosen = i;
      }
    }
    if (chosen < 0 || mappings.get(chosen).ebs() == null) {
      return null;
    }
    String size = mappings.get(chosen).ebs().volumeSize();
    FieldPath sizeAt = at.index(chosen).child("ebs").child("volumeSize");
    return size == null ? null : Quantities.canonical(sizeAt, "ephemeral-storage", size);
  }
}
