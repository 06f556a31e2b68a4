import { ActivitySchedulingDto } from '../scheduling/activity-scheduling.dto.js';

/** A forum, such as the Turkic Diaspora Forum or the Diaspora Youth Forum. */
export class ScheduleForumDto extends ActivitySchedulingDto {}
