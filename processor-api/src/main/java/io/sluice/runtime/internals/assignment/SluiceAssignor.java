package io.sluice.runtime.internals.assignment;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sluice's partition assignor for the classic consumer group protocol, set as {@code
 * partition.assignment.strategy} of every stream thread's main consumer. It assigns tasks, not
 * partitions: each member subscribes with a {@link SubscriptionInfo}, the leader runs {@link
 * GroupAssigner}, and each member hands its {@link AssignmentInfo} to the thread's {@link
 * AssignorContext} before the consumer calls {@code onPartitionsAssigned}.
 *
 * <p>It supports cooperative rebalancing (preferred) and eager rebalancing. Under cooperative
 * rebalancing a task that moves between consumers is not given to its new owner until the old
 * owner has revoked it; the consumer's coordinator runs the follow-up rebalance by itself.
 */
public final class SluiceAssignor implements ConsumerPartitionAssignor, Configurable {
  /** The assignor's name in the group protocol. */
  public static final String NAME = "sluice";
  private static final Logger LOG = LoggerFactory.getLogger(SluiceAssignor.class);
  private static final String CLIENT_RACK = "client.rack";
  private static final String API_TIMEOUT = "default.api.timeout.ms";
  private static final long DEFAULT_API_TIMEOUT_MS = 60_000;

  private final TopicAdmin adminOverride;
  private final Time time;
  private AssignorContext context;
  private String rack;
  private Duration adminTimeout = Duration.ofMillis(DEFAULT_API_TIMEOUT_MS);
  private GroupAssigner leader;

  /** Created by the consumer through reflection; {@link #configure} must be called next. */
  public SluiceAssignor() {
    this(null, Time.SYSTEM);
  }

  /** For tests: uses {@code admin} instead of the context's admin client. */
  SluiceAssignor(TopicAdmin admin, Time time) {
    this.adminOverride = admin;
    this.time = time;
  }

  /**
   * Reads the {@link AssignorContext} under {@link AssignorContext#CONFIG_KEY}, {@code
   * client.rack} and {@code default.api.timeout.ms} (the admin calls' timeout).
   *
   * @throws ConfigException if the context is missing or of another type
   */
  @Override
  public void configure(Map<String, ?> configs) {
    Object value = configs.get(AssignorContext.CONFIG_KEY);
    if (!(value instanceof AssignorContext assignorContext)) {
      throw new ConfigException(AssignorContext.CONFIG_KEY, value, "must be the "
          + AssignorContext.class.getName() + " of the stream thread; " + NAME + " assigns tasks"
          + " only to consumers that Sluice's StreamsApp creates, so do not set it as the"
          + " partition.assignment.strategy of another consumer");
    }
    this.context = assignorContext;
    Object rackValue = configs.get(CLIENT_RACK);
    this.rack = rackValue == null || rackValue.toString().isBlank() ? null : rackValue.toString();
    Object timeout = configs.get(API_TIMEOUT);
    if (timeout != null) {
      try {
        this.adminTimeout = Duration.ofMillis(Long.parseLong(timeout.toString().trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException(API_TIMEOUT, timeout, "must be a number of milliseconds");
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<RebalanceProtocol> supportedProtocols() {
    return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
  }

  /** @return the encoded {@link SubscriptionInfo} of this consumer */
  @Override
  public ByteBuffer subscriptionUserData(Set<String> topics) {
    AssignorContext ctx = context();
    return SubscriptionInfo.latest(ctx.processId(), ctx.ownedActiveTasks(),
        ctx.ownedStandbyTasks(), ctx.taskOffsetSums(), ctx.userEndpoint(), rack,
        ctx.threadCount(), ctx.shutdownRequest()).encode();
  }

  @Override
  public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
    return new GroupAssignment(leader().assign(metadata, groupSubscription.groupSubscription()));
  }

  /**
   * Decodes this consumer's {@link AssignmentInfo} and hands it to the context; unreadable data
   * reaches the context as {@link AssignmentInfo#ERROR_UNSUPPORTED_VERSION} with the reason.
   */
  @Override
  public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
    AssignmentInfo info;
    try {
      ByteBuffer data = assignment.userData();
      if (data == null) {
        throw new FormatException("The group leader sent no Sluice assignment data; every member"
            + " of group " + (metadata == null ? "?" : metadata.groupId()) + " must be an"
            + " instance of the same Sluice application");
      }
      info = AssignmentInfo.decode(data);
    } catch (FormatException e) {
      LOG.error("Cannot read the assignment: {}", e.getMessage());
      info = AssignmentInfo.error(AssignmentInfo.LATEST_VERSION,
          AssignmentInfo.ERROR_UNSUPPORTED_VERSION, e.getMessage());
    }
    context().onAssignment(info);
  }

  private GroupAssigner leader() {
    if (leader == null) {
      AssignorContext ctx = context();
      TopicAdmin admin = adminOverride != null ? adminOverride
          : TopicAdmin.of(ctx.admin(), adminTimeout);
      leader = new GroupAssigner(ctx.topology(), ctx.config(), admin,
          new InternalTopicManager(admin, ctx.config(), time, adminTimeout), time);
    }
    return leader;
  }

  private AssignorContext context() {
    if (context == null) {
      throw new IllegalStateException("SluiceAssignor was not configured with an "
          + AssignorContext.CONFIG_KEY + "; the consumer must be created by Sluice's StreamsApp");
    }
    return context;
  }
}
