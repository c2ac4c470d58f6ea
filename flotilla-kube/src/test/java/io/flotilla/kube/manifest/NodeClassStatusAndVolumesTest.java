package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.nodepool.NodeClass;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node class's subnet zones come from its status, its EBS storage from all its mappings. */
class NodeClassStatusAndVolumesTest {
  private static final long GI = 1L << 30;
  private static final String POOL =
      """
      ---
      apiVersion: karpenter.sh/v1
      kind: NodePool
      metadata: {name: general}
      spec:
        template:
          spec:
            nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      """;

  @TempDir Path dir;

  private NodeClass nodeClass(String yaml) throws ManifestException {
    Manifests m = Fixtures.readText(dir, "input.yaml", yaml);
    assertThat(m.warnings()).isEmpty();
    return m.nodePools().get(0).nodeClass();
  }

  @Test
  void dumpedEc2NodeClassGivesItsSubnetZonesAndTheSumOfItsVolumes() throws Exception {
    NodeClass nc =
        nodeClass(
            """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: default, uid: 1a2b, generation: 3}
            spec:
              role: KarpenterNodeRole
              amiSelectorTerms: [{alias: al2023@latest}]
              blockDeviceMappings:
                - deviceName: /dev/xvda
                  ebs: {volumeSize: 20Gi, volumeType: gp3}
                - deviceName: /dev/xvdb
                  ebs: {volumeSize: 100Gi, volumeType: gp3, encrypted: true}
                - deviceName: /dev/xvdc
            status:
              amis: [{id: ami-1, name: al2023, requirements: []}]
              conditions: [{type: Ready, status: "True", reason: Ready}]
              instanceProfile: default_123
              securityGroups: [{id: sg-1, name: nodes}]
              subnets:
                - {id: subnet-b, zone: us-east-1b, zoneID: use1-az2}
                - {id: subnet-a, zone: us-east-1a, zoneID: use1-az1}
                - {id: subnet-a2, zone: us-east-1a, zoneID: use1-az1}
            """
                + POOL);

    assertThat(nc.subnetZones()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(nc.ebsBytes()).isEqualTo(120 * GI);
    assertThat(nc.ephemeralVolumeBytes()).isEqualTo(20 * GI);
    assertThat(nc.allowsZone("us-east-1c")).isFalse();
  }

  @Test
  void withoutStatusOrVolumeSizesNothingIsKnown() throws Exception {
    NodeClass nc =
        nodeClass(
            """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: default}
            spec:
              amiSelectorTerms: [{alias: al2023@latest}]
              blockDeviceMappings: [{deviceName: /dev/xvda, ebs: {volumeType: gp3}}]
            """
                + POOL);

    assertThat(nc.subnetZones()).isEmpty();
    assertThat(nc.ebsBytes()).isNull();
    assertThat(nc.billedEbsBytes()).isEqualTo(NodeClass.DEFAULT_VOLUME_BYTES);
  }

  @Test
  void awsNodeTemplateGivesTheSumOfItsVolumesAndItsSubnetZones() throws Exception {
    NodeClass nc =
        nodeClass(
            """
            apiVersion: karpenter.k8s.aws/v1alpha1
            kind: AWSNodeTemplate
            metadata: {name: tmpl}
            spec:
              blockDeviceMappings:
                - {deviceName: /dev/xvda, ebs: {volumeSize: 50Gi}}
                - {deviceName: /dev/xvdf, ebs: {volumeSize: 10Gi}}
            status:
              subnets: [{id: subnet-c, zone: eu-west-1c}]
            ---
            apiVersion: karpenter.sh/v1alpha5
            kind: Provisioner
            metadata: {name: old}
            spec:
              providerRef: {name: tmpl}
            """);

    assertThat(nc.ebsBytes()).isEqualTo(60 * GI);
    assertThat(nc.ephemeralVolumeBytes()).isEqualTo(50 * GI);
    assertThat(nc.subnetZones()).containsExactly("eu-west-1c");
  }

  @Test
  void inlineProviderVolumesAreSummedToo() throws Exception {
    NodeClass nc =
        nodeClass(
            """
            apiVersion: karpenter.sh/v1alpha5
            kind: Provisioner
            metadata: {name: old}
            spec:
              provider:
                blockDeviceMappings:
                  - {deviceName: /dev/xvda, ebs: {volumeSize: 30Gi}}
                  - {deviceName: /dev/xvdg, ebs: {volumeSize: 1Ti}}
            """);

    assertThat(nc.ebsBytes()).isEqualTo(30 * GI + 1024 * GI);
  }
}
